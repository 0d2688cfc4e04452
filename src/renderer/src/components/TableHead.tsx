/** A table's header row: a column header for each name. */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">{column}</th>
        ))}
      </tr>
    </thead>
  )
}
