The unsubscribe page as the website serves it: `expeer letter unsubscribe-cgi` run as a CGI
program by a real web server on loopback (lighttpd's mod_cgi; nginx with fcgiwrap and Apache
run it the same way, see expeer-letter(1)). Opening the link only asks: mail scanners open
every link in a message. A POST unsubscribes: the page's button, or a mail client's
one-click request (RFC 8058).

  $ . use-database expeer.db
  $ . letter-settings
  $ cli="$TESTS_DATA/../cli"
  $ expeer -q db init
  $ printf 'email,name,country,language,newsletter\nfr1@example.org,Amina Benali,TN,fr,yes\nen1@example.org,John Okello,UG,en,yes\n' > members.csv
  $ expeer -q members import members.csv
  members.csv: 2 rows: 2 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer -q letter new 2024-09
  $ printf 'subject:\n  fr: "La Lettre"\n  en: "The Letter"\neditorial:\n  fr: "Bonjour."\n  en: "Hello."\n' > letters/2024-09.yaml
  $ expeer -q letter approve 2024-09
  $ (/usr/bin/python3 "$cli/smtp_server.py" --port-file port --dir mail &) ; for i in $(seq 1 300); do [ -s port ] && break; sleep 0.1; done
  $ EXPEER_SMTP_URL=smtp://127.0.0.1:$(cat port) expeer -q letter send 2024-09
  letter 2024-09: 2 sent, 0 failed, 0 waiting
  $ kill $(cat port.pid)
  $ token() { grep -h -A1 '^List-Unsubscribe:' $(grep -l "^X-Envelope-To: $1" mail/*.eml) | grep -o 'token=[A-Za-z0-9_-]*' | head -1 | cut -d= -f2; }

The web server: the program behind /letter/unsubscribe, through a wrapper that gives it the
installation's settings (a web server passes no environment of its own).

  $ mkdir www
  $ { echo '#!/bin/sh'
  >   for v in EXPEER_DB EXPEER_SYSTEM_CONFIG EXPEER_LETTER_TOKEN_SECRET EXPEER_NOW HOME; do printf "export %s='%s'\n" "$v" "$(printenv $v)"; done
  >   printf 'exec %s letter unsubscribe-cgi\n' "$(command -v expeer)"
  > } > unsubscribe.cgi
  $ chmod 755 unsubscribe.cgi
  $ http_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  $ cat > lighttpd.conf <<CONF
  > server.document-root = "$PWD/www"
  > server.bind = "127.0.0.1"
  > server.port = $http_port
  > server.errorlog = "$PWD/lighttpd.log"
  > server.modules = ("mod_alias", "mod_cgi")
  > alias.url = ("/letter/unsubscribe" => "$PWD/unsubscribe.cgi")
  > cgi.assign = ("unsubscribe.cgi" => "")
  > CONF
  $ (/usr/sbin/lighttpd -D -f lighttpd.conf & echo $! > http.pid)
  $ for i in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$http_port/" && break; sleep 0.1; done
  $ url="http://127.0.0.1:$http_port/letter/unsubscribe"
  $ consent() { expeer members show "$1" --format json | grep -o '"newsletter_consent": [a-z]*'; }

Opening the link shows a question in the member's language, with a button, and changes
nothing.

  $ curl -s -i "$url?token=$(token fr1@)" | tr -d '\r' > get.txt
  $ head -1 get.txt; grep -E '^(Cache-Control|X-Robots-Tag):' get.txt
  HTTP/1.1 200 OK
  Cache-Control: no-store
  X-Robots-Tag: noindex
  $ grep -o -E '<html lang="[a-z]+"|Vous ne recevrez plus[^<]*|<form method="post"|Me désabonner' get.txt
  <html lang="fr"
  Vous ne recevrez plus La Lettre ExPEERience à cette adresse. Confirmez-vous ?
  <form method="post"
  Me désabonner
  $ consent fr1@example.org
  "newsletter_consent": true

The button, or a mail client's one-click POST, unsubscribes; once is enough.

  $ curl -s -d "List-Unsubscribe=One-Click" "$url?token=$(token en1@)" | grep -o 'Done: [^<]*'
  Done: you will no longer receive The ExPEERience Letter.
  $ consent en1@example.org
  "newsletter_consent": false
  $ expeer members show en1@example.org --format json | grep consent_source
    "consent_source": "one-click unsubscribe (web)",
  $ curl -s -d "" "$url?token=$(token en1@)" | grep -o 'You are not subscribed'
  You are not subscribed

A forged or mangled token is refused, and tells nothing; other methods are not allowed.

  $ curl -s -o /dev/null -w '%{http_code}\n' -d "" "$url?token=1-AAAAAAAAAAAAAAAAAAAAAA"
  400
  $ curl -s -o /dev/null -w '%{http_code}\n' "$url"
  400
  $ grep -c "token=" lighttpd.log
  0
  [1]
  $ consent fr1@example.org
  "newsletter_consent": true
  $ REQUEST_METHOD=PUT QUERY_STRING="token=$(token fr1@)" expeer letter unsubscribe-cgi | tr -d '\r' | grep -E '^(Status|Allow):'
  Status: 405 Method Not Allowed
  Allow: GET, HEAD, POST

Without the secret, the visitor gets an error page and the server's log the reason.

  $ REQUEST_METHOD=GET QUERY_STRING="token=$(token fr1@)" EXPEER_LETTER_TOKEN_SECRET= expeer letter unsubscribe-cgi | tr -d '\r' | head -1
  expeer: error: letter.token_secret must be set, at least 16 characters (EXPEER_LETTER_TOKEN_SECRET)
  Status: 500 Internal Server Error

The issue's totals count the unsubscribes that followed it, and nobody's name.

  $ expeer letter totals --format csv
  issue,sent,failed,interrupted,pending,bounced,complaints,unsubscribed,approved_at,until
  2024-09,2,0,0,0,0,0,1,2024-09-15T08:30:00Z,

  $ kill $(cat http.pid)
