Secrets: a password in a URL is never shown, a file that holds one must be private, and SMTP
authenticates in clear only to this machine, decided on the host libcurl connects to.

  $ . use-database expeer.db
  $ expeer -q db init
  $ export EXPEER_LETTER_FROM=letter@network.example EXPEER_LETTER_LIST_ID=letter.network.example
  $ export EXPEER_LETTER_UNSUBSCRIBE_MAILTO=unsubscribe@network.example
  $ export EXPEER_LETTER_UNSUBSCRIBE_URL=https://network.example/letter/unsubscribe
  $ export EXPEER_LETTER_TOKEN_SECRET=a-secret-for-the-tests-only
  $ expeer -q letter new 2024-09

A password inside smtp.url is masked by `config show` and in errors; a configuration file
holding it that others can read is warned about.

  $ printf 'smtp:\n  url: smtp://letter:s3cret@mail.example:587\n' > config.yaml
  $ chmod 644 config.yaml
  $ expeer --config config.yaml config show --origin --format csv | grep '^smtp.url'
  expeer: warning: 'config.yaml' holds smtp.url and others can read it (mode 644): chmod 600 it, or move the secret to the environment
  smtp.url,smtp://***:***@mail.example:587/,config.yaml:2
  $ chmod 600 config.yaml
  $ expeer --config config.yaml config show --origin --format table | grep smtp.url | tr -s ' '
  smtp.url smtp://***:***@mail.example:587/ config.yaml:2
  $ EXPEER_SMTP_URL='smtp://letter:s3 cret@mail.example' expeer config show --format json | grep -A1 '"smtp.url"'
      "key": "smtp.url",
      "value": "smtp://***@mail.example"
  $ EXPEER_SMTP_URL='http://letter:s3cret@mail.example' expeer letter send 2024-09 --test-to x@example.org --allow-missing
  expeer: error: smtp.url 'http://***:***@mail.example/' (environment EXPEER_SMTP_URL): expected smtp://HOST:PORT or smtps://HOST:PORT
  [78]
  $ grep -r s3cret . --include=*.db -l
  [1]

A password file its group or others may read is refused, as ssh refuses such a key.

  $ echo s3cret > password
  $ chmod 640 password
  $ EXPEER_SMTP_PASSWORD_FILE=$PWD/password expeer letter send 2024-09 --test-to x@example.org --allow-missing 2>&1 | sed "s#$PWD#.#"
  expeer: error: smtp.password_file './password' (environment EXPEER_SMTP_PASSWORD_FILE): others can read or change it (mode 640): chmod 600 it

SMTP to a real server on loopback that offers AUTH without TLS (and no STARTTLS): to this
machine (127.0.0.1, ::1, localhost) expeer may authenticate in clear; to any other host it
sends nothing, not even AUTH. In `smtp://localhost:25@0.0.0.0:PORT` the host is 0.0.0.0, not
localhost ("localhost:25" is a user and a password); Linux delivers 0.0.0.0 to this machine,
so the test server stands in for another one.

  $ export EXPEER_SMTP_USER=letter EXPEER_SMTP_PASSWORD=s3cret
  $ touch auth.log
  $ (/usr/bin/python3 "$TESTS_DATA/../cli/smtp_server.py" --port-file port --dir mail --auth-log auth.log 2>/dev/null &) ; for i in $(seq 1 300); do [ -s port ] && break; sleep 0.1; done
  $ EXPEER_SMTP_URL=smtp://localhost:25@0.0.0.0:$(cat port) expeer letter send 2024-09 --allow-missing --test-to editor@example.org
  expeer: error: the test copy in en to editor@example.org was refused: STARTTLS not supported.
  [1]
  $ cat auth.log; ls mail 2>/dev/null | wc -l
  0
  $ EXPEER_SMTP_URL=smtp://127.0.0.1:$(cat port) expeer letter send 2024-09 --allow-missing --test-to editor@example.org
  expeer: sent a test copy of 2024-09 in each language
  $ cat auth.log; ls mail | wc -l
  AUTH PLAIN letter
  AUTH PLAIN letter
  2
  $ kill $(cat port.pid)
