export { FLAT_PRIOR } from './bayesian';
export { compareArms } from './compare';
export { type IncrementalOptions, incrementalTotal } from './incremental';
export {
  bonferroniAlpha,
  bonferroniPValue,
  type MultipleComparisonMethod,
  pairCount,
} from './multiple-comparisons';
export { DEFAULT_ALPHA } from './options';
export { DEFAULT_SEQUENTIAL_TUNING } from './sequential';
export { checkSampleRatio, SRM_NOTICE_THRESHOLD, SRM_THRESHOLD, srmPValue } from './srm';
export type {
  ArmSums,
  CompareOptions,
  Comparison,
  DifferenceType,
  GaussianPrior,
  MetricKind,
  SequentialOptions,
  StatsEngine,
  StatsWarning,
} from './types';
export { DEFAULT_MAX_PERCENT_CHANGE, DEFAULT_MIN_SAMPLE_SIZE } from './warnings';
