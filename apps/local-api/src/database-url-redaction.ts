/**
 * A `DATABASE_URL` fit to print: the password, whether in the user info or as a query parameter
 * (`?password=`, `sslpassword=`, which node-postgres and libpq read too), becomes `***`.
 */
export function redactDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(DATABASE_URL, not shown: not a parsable URL)';
  }
  if (parsed.password) parsed.password = '***';
  for (const name of new Set(parsed.searchParams.keys())) {
    if (/password/i.test(name)) parsed.searchParams.set(name, '***');
  }
  return parsed.toString();
}
