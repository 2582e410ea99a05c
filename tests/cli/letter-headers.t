The letter's headers as a member's mail service sees them: a domain in another script goes
out in ASCII (IDNA), the sender's name is the edition's language's, and with the archive's
address set, each message links to its page there and to the other language's.

  $ . use-database expeer.db
  $ . letter-settings
  $ export EXPEER_LETTER_FROM_NAME_FR="La Lettre ExPEERience" EXPEER_LETTER_ARCHIVE_URL=https://network.example/letter/archive
  $ cli="$TESTS_DATA/../cli"
  $ expeer -q db init
  $ printf 'email,name,country,language,newsletter\nsalma@bücher.example,Salma,TN,fr,yes\nen1@example.org,John,UG,en,yes\n' > members.csv
  $ expeer -q members import members.csv
  members.csv: 2 rows: 2 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer -q letter new 2024-09
  $ printf 'subject:\n  fr: "La Lettre"\n  en: "The Letter"\neditorial:\n  fr: "Bonjour."\n  en: "Hello."\n' > letters/2024-09.yaml
  $ expeer -q letter approve 2024-09
  $ (/usr/bin/python3 "$cli/smtp_server.py" --port-file port --dir mail --senders senders.txt &) ; for i in $(seq 1 300); do [ -s port ] && break; sleep 0.1; done
  $ EXPEER_SMTP_URL=smtp://127.0.0.1:$(cat port) EXPEER_LETTER_BOUNCE_ADDRESS=bounces@network.example expeer letter send 2024-09
  letter 2024-09: 2 sent, 0 failed, 0 waiting
  $ kill $(cat port.pid)

Each copy's envelope sender names its member (VERP), signed, so that `letter bounces` knows
whose address failed: the address the tests' own helper makes, from the same secret.

  $ sort -k2 senders.txt
  bounces+2-*@network.example en1@example.org (glob)
  bounces+1-*@network.example salma@xn--bcher-kva.example (glob)
  $ [ "$(grep en1@ senders.txt | cut -d' ' -f1)" = "$(verp-address "$EXPEER_LETTER_TOKEN_SECRET" 2 bounces@network.example)" ] && echo signed
  signed
  $ grep -h -E '^(X-Envelope-To|To|From):' mail/*.eml | tr -d '\r' | sort
  From: "La Lettre ExPEERience" <letter@network.example>
  From: "The ExPEERience Letter" <letter@network.example>
  To: "John" <en1@example.org>
  To: "Salma" <salma@xn--bcher-kva.example>
  X-Envelope-To: en1@example.org
  X-Envelope-To: salma@xn--bcher-kva.example
  $ python3 -c '
  > import email, email.policy, glob, re
  > for path in sorted(glob.glob("mail/*.eml")):
  >     m = email.message_from_bytes(open(path, "rb").read().split(b"\r\n", 1)[1], policy=email.policy.default)
  >     html = m.get_body(("html",)).get_content()
  >     print(m["Content-Language"], re.findall(r"href=\"(https://network.example/letter/archive/[^\"]+)\"", html))
  > ' | sort
  en ['https://network.example/letter/archive/2024-09.en.html', 'https://network.example/letter/archive/2024-09.fr.html']
  fr ['https://network.example/letter/archive/2024-09.fr.html', 'https://network.example/letter/archive/2024-09.en.html']

The archive's address must be https, like the unsubscribe page's.

  $ EXPEER_LETTER_ARCHIVE_URL=http://network.example/archive expeer letter build 2024-09
  expeer: error: letter.archive_url must be an https:// address
  [78]
