Bad input is refused with a clear error, a distinct exit code, and nothing written.

  $ . use-database expeer.db
  $ expeer --quiet db init
  $ expeer -q members add amina@example.org --name "Amina Ben Salah" --country TN
  $ count() { sql "SELECT (SELECT count(*) FROM members) || ' members, ' || (SELECT count(*) FROM audit_log) || ' audit entries'"; }
  $ count
  1 members, 2 audit entries

An invalid email, an unknown country or language, all reported at once:

  $ expeer members add not-an-email --name "X" --country Narnia --language klingon --occupation astronaut
  expeer: error: email 'not-an-email': is not a valid email address: has no '@'
  expeer: error: country 'Narnia': unknown country
  expeer: error: occupation 'astronaut': must be one of lawyer, ngo-staff, researcher, activist, journalist, other
  expeer: error: language 'klingon': must be one of fr, en, ar, pt, de, es
  expeer: nothing was written
  [65]
  $ expeer members add x@example.org --name X --country Tunisi
  expeer: error: country 'Tunisi': unknown country (did you mean Tunisia (TN)?)
  expeer: nothing was written
  [65]

A duplicate email, whatever its case:

  $ expeer members add AMINA@Example.ORG --name "Another Amina"
  expeer: error: email 'AMINA@Example.ORG': is already the address of member 1
  expeer: nothing was written
  [65]

CR, LF and NUL in any field (a NUL cannot pass through a command line, so it comes from a
file in the import tests); a control character too:

  $ expeer members add x@example.org --name $'Amina\r\nBcc: all@example.org'
  expeer: error: name 'Amina\r\nBcc: all@example.org': contains a line break
  expeer: nothing was written
  [65]
  $ expeer members add x@example.org --name X --organisation $'Ligue\nTwo'
  expeer: error: organisation 'Ligue\nTwo': contains a line break
  expeer: nothing was written
  [65]
  $ expeer members add $'x@example.org\r' --name X
  expeer: error: email 'x@example.org\r': contains a line break
  expeer: nothing was written
  [65]
  $ expeer members add x@example.org --name $'X\e[31m'
  expeer: error: name 'X\x1b[31m': contains a control character
  expeer: nothing was written
  [65]
  $ expeer members update amina@example.org --name $'A\nB'
  expeer: error: name 'A\nB': contains a line break
  expeer: nothing was written
  [65]
  $ expeer members add x@example.org --name "X" --registered 2024-02-30
  expeer: error: registration date '2024-02-30': must be a date as YYYY-MM-DD
  expeer: nothing was written
  [65]
  $ count
  1 members, 2 audit entries

Usage errors are not data errors:

  $ expeer members add x@example.org
  expeer: error: --name is required
  run 'expeer members add --help' for usage
  [64]
  $ expeer members add x@example.org --name X --newsletter maybe
  expeer: error: --newsletter: maybe not in {yes,no}
  run 'expeer members add --help' for usage
  [64]
  $ expeer members frobnicate
  expeer: error: unknown command 'frobnicate' (one of: add, list, show, update, disable, enable, unsubscribe, import, export, data-export, erase)
  run 'expeer members --help' for usage
  [64]
  $ expeer
  expeer: error: A subcommand is required
  run 'expeer --help' for usage
  [64]
  $ expeer members list --format xml
  expeer: error: --format: xml not in {table,csv,json}
  run 'expeer members list --help' for usage
  [64]

A failed write to standard output is an error:

  $ expeer members list --format csv > /dev/full
  expeer: error: cannot write to standard output
  [74]
  $ count
  1 members, 2 audit entries
