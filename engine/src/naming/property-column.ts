// One wording, for the diagnostic (LL304) and for a preview the database refused, when a query names
// a model's property where SQL needs its column: the two must never disagree about the same spot.

/**
 * `it is the property Post.createdAt, whose column is "created_at". Use 'created_at'.`; several
 * properties of that name and column (no table to tell them apart) are listed with "or".
 */
export function propertyNotColumn(properties: readonly string[], column: string): string {
  return `it is the property ${properties.join(' or ')}, whose column is "${column}". Use '${column}'.`
}
