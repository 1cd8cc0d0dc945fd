import type { ComponentChildren } from 'preact';
import './table.css';

export interface Column {
  label: string;
  align?: 'numeric' | 'actions';
  /** Screen-reader-only header, e.g. for an actions column. */
  hidden?: boolean;
}

export interface Row {
  key: string;
  cells: ComponentChildren[];
  testId?: string;
}

interface DataTableProps {
  caption: string;
  columns: readonly Column[];
  rows: readonly Row[];
  'data-testid'?: string;
}

/** A plain table with Polaris index-table styling; the first cell of each row is its header. */
export function DataTable({ caption, columns, rows, ...rest }: DataTableProps) {
  return (
    // A region a keyboard can reach (tab stop, named by the caption): on a phone the table
    // scrolls sideways inside it, and arrow keys must be able to do what a swipe does.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs a tab stop (WCAG 2.1.1)
    <section class="DataTable-scroll" aria-label={caption} tabIndex={0}>
      <table class="DataTable" data-testid={rest['data-testid']}>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" class={alignClass(column)}>
                {column.hidden ? <span class="visually-hidden">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid={row.testId} data-key={row.key}>
              {row.cells.map((cell, index) => {
                const column = columns[index];
                const className = column ? alignClass(column) : undefined;
                return index === 0 ? (
                  <th key={column?.label ?? index} scope="row" class={className}>
                    {cell}
                  </th>
                ) : (
                  <td key={column?.label ?? index} class={className}>
                    {cell}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function alignClass(column: Column): string | undefined {
  if (column.align === 'numeric') return 'is-numeric';
  if (column.align === 'actions') return 'is-actions';
  return undefined;
}
