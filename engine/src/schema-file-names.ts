// Names in database/schema.ts (Lucid 22's generated schema classes) are not the database's: a table
// is a class `pascalCase(singular(table)) + 'Schema'` and a column a property `camelCase(column)`.
// Lookups compare loosely (letters and digits, case-insensitive, singular or plural), so a table or
// column the file has is always found: a loose match can hide a finding, never invent one.
import { plural, singular } from 'pluralize'

/** `UserSchema` → `user`, the key a table is stored under. */
export function schemaClassKey(className: string): string {
  return loose(className.replace(/Schema$/, ''))
}

/** The keys a table name may have been stored under: its singular, itself and its plural. */
export function tableKeys(table: string): string[] {
  const bare = table.slice(table.lastIndexOf('.') + 1)
  return [...new Set([singular(bare), bare, plural(bare)].map(loose))]
}

/** `user_id`, `userId`, `UserID` → `userid`. */
export function columnKey(name: string): string {
  return loose(name)
}

function loose(name: string): string {
  return name.replace(/[^a-zA-Z0-9]/g, '').toLowerCase()
}
