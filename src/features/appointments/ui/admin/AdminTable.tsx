import type { ReactNode } from 'react';
import { ScrollableTable } from '../../../../web/layout/ScrollableTable.tsx';

/** A list table of the administrator's pages: named by its (hidden) caption, scrolling sideways on a narrow screen. */
export function AdminTable({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    <ScrollableTable label={caption}>
      <table className="appt-admin__table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollableTable>
  );
}
