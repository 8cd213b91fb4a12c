/**
 * Scalingo's rules for a new app's name (DOC apps.md: "between 6 and 48 lower case alphanumerical
 * characters and hyphens, it can't have an hyphen at the beginning or at the end, nor two hyphens in
 * a row"), answered as the messages of a 422 `errors.name`. The character message is Scalingo's own
 * documented wording, "lowercap" included; the length ones are Rails' standard wording.
 */
export const appNameErrors = (name: unknown): Array<string> => {
  if (typeof name !== "string" || name.trim() === "") return ["can't be blank"]
  const errors: Array<string> = []
  if (name.length < 6) errors.push("is too short (minimum is 6 characters)")
  if (name.length > 48) errors.push("is too long (maximum is 48 characters)")
  if (!/^[a-z0-9-]*$/.test(name)) errors.push("should contain only lowercap letters, digits and hyphens")
  if (name.startsWith("-") || name.endsWith("-")) errors.push("can't have an hyphen at the beginning or at the end")
  if (name.includes("--")) errors.push("can't have two hyphens in a row")
  return errors
}
