import type { ComponentChildren } from 'preact';
import { useId, useRef } from 'preact/hooks';
import './tabs.css';

export interface TabItem<T extends string> {
  id: T;
  label: string;
  /** Shown after the label; null when not known yet. */
  count?: number | null;
}

interface TabsProps<T extends string> {
  label: string;
  tabs: readonly TabItem<T>[];
  selected: T;
  onSelect: (id: T) => void;
  children: ComponentChildren;
  'data-testid'?: string;
}

/**
 * WAI-ARIA tabs: one tab stop for the list, arrow keys (and Home/End) move between tabs and
 * select them, the panel is labelled by its tab.
 */
export function Tabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
  children,
  ...rest
}: TabsProps<T>) {
  const id = useId();
  const list = useRef<HTMLDivElement>(null);
  const move = (from: number, step: number | 'first' | 'last') => {
    const index =
      step === 'first'
        ? 0
        : step === 'last'
          ? tabs.length - 1
          : (from + step + tabs.length) % tabs.length;
    const tab = tabs[index];
    if (!tab) return;
    onSelect(tab.id);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[index]?.focus();
  };
  return (
    <div class="Tabs" data-testid={rest['data-testid']}>
      <div class="Tabs-list" role="tablist" aria-label={label} ref={list}>
        {tabs.map((tab, index) => {
          const active = tab.id === selected;
          return (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`${id}-${tab.id}`}
              class={active ? 'Tabs-tab is-selected' : 'Tabs-tab'}
              aria-selected={active ? 'true' : 'false'}
              aria-controls={`${id}-panel`}
              tabIndex={active ? 0 : -1}
              data-testid={`tab-${tab.id}`}
              onClick={() => onSelect(tab.id)}
              onKeyDown={(event) => {
                const keys: Record<string, number | 'first' | 'last'> = {
                  ArrowRight: 1,
                  ArrowLeft: -1,
                  Home: 'first',
                  End: 'last',
                };
                const step = keys[event.key];
                if (step === undefined) return;
                event.preventDefault();
                move(index, step);
              }}
            >
              {tab.label}
              {tab.count != null && <span class="Tabs-count">{tab.count}</span>}
            </button>
          );
        })}
      </div>
      <div
        class="Tabs-panel"
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-${selected}`}
      >
        {children}
      </div>
    </div>
  );
}
