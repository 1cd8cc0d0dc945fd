/**
 * Runs `work` over `items` with at most `concurrency` calls in flight — enough to keep a local
 * server busy without flooding it — and reports how many are done. The first failure stops new
 * work and is rethrown once the calls already in flight have settled.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
  onDone: (done: number, total: number) => void = () => {},
): Promise<void> {
  let next = 0;
  let done = 0;
  let failure: unknown = null;
  async function worker() {
    while (failure === null && next < items.length) {
      const index = next++;
      try {
        await work(items[index] as T, index);
      } catch (error) {
        failure ??= error;
        return;
      }
      done += 1;
      onDone(done, items.length);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  if (failure !== null) throw failure;
}
