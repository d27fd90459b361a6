/**
 * A statement built once per database handle and prepared (named) on the server: for the queries
 * every request asks, where building the SQL in JavaScript and planning it in PostgreSQL each time
 * were a large share of a rush's cost. Parameters come as `sql.placeholder`s; arrays go as one
 * parameter each (`= any($1)`), so the text never changes with the number of rows.
 */
export function preparedPer<Handle extends object, Query>(build: (handle: Handle) => Query) {
  const built = new WeakMap<Handle, Query>();
  return (handle: Handle): Query => {
    let q = built.get(handle);
    if (!q) {
      q = build(handle);
      built.set(handle, q);
    }
    return q;
  };
}
