import type { ReactNode } from 'react';
import { ResponsiveTable } from './ResponsiveTable.tsx';
import './Table.css';

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** The column that names the row: rendered as <th scope="row">. */
  rowHeader?: boolean;
}

// A data table with a caption and scoped headers. On a phone a table wider than the screen scrolls
// sideways inside ResponsiveTable's focusable region, with a visible hint that more columns are there.
export function Table<Row>({
  caption,
  label,
  columns,
  rows,
  rowKey,
  footer,
}: {
  caption: ReactNode;
  /** The scroll region's name when the caption is not plain text. */
  label?: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row, index: number) => string;
  footer?: ReactNode;
}) {
  return (
    <ResponsiveTable label={label ?? (typeof caption === 'string' ? caption : '')}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed
              <th key={i} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={rowKey(row, r)}>
              {columns.map((c, i) =>
                c.rowHeader ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed
                  <th key={i} scope="row" className={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed
                  <td key={i} className={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </ResponsiveTable>
  );
}
