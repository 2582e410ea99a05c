The letter's messages as a mail filter sees them: they parse without a defect in Python's
email package (policy default), and SpamAssassin's local rules (`spamassassin -t -L`, no
network tests) score them below 1, far from the 5 that files a message as spam.

  $ . use-database expeer.db
  $ . letter-settings
  $ cli="$TESTS_DATA/../cli"
  $ expeer -q db init
  $ printf 'email,name,country,language,newsletter\nfr1@example.org,Amina Benali,TN,fr,yes\nen1@example.org,John Okello,UG,en,yes\n' > members.csv
  $ expeer -q members import members.csv
  members.csv: 2 rows: 2 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer -q spaces create veille --label "Veille juridique"
  $ expeer -q spaces members add veille fr1@example.org
  $ expeer -q news post veille --title "Note sur la détention préventive" --body "x" --as fr1@example.org --at 2024-08-10T10:00:00Z
  $ expeer -q talks add --at 2024-09-26T14:00:00Z --title-fr "Justice transitionnelle" --title-en "Transitional justice"
  $ expeer -q letter new 2024-09
  $ cat > letters/2024-09.yaml <<'YAML'
  > subject:
  >   fr: "La Lettre ExPEERience – septembre 2024"
  >   en: "The ExPEERience Letter – September 2024"
  > editorial:
  >   fr: "La rentrée du réseau : trois analyses, un appel à contributions et une rencontre en ligne."
  >   en: "The network is back: three analyses, a call for contributions and an online meeting."
  > sections:
  >   analyses:
  >     - title:
  >         fr: "La détention préventive au Maghreb"
  >         en: "Pre-trial detention in the Maghreb"
  >       body:
  >         fr: "Une **analyse** comparée des pratiques et des recours."
  >         en: "A comparative **analysis** of practices and remedies."
  >       links:
  >         - url: https://network.example/analyses/detention
  >           label:
  >             fr: "Lire l'analyse"
  >             en: "Read the analysis"
  >   opportunities:
  >     - title:
  >         fr: "Appel à contributions : rapport annuel"
  >         en: "Call for contributions: annual report"
  >       body:
  >         fr: "Envoyez vos propositions avant le 15 octobre."
  >         en: "Send your proposals before 15 October."
  > YAML
  $ expeer -q letter approve 2024-09
  $ (/usr/bin/python3 "$cli/smtp_server.py" --port-file port --dir mail &) ; for i in $(seq 1 300); do [ -s port ] && break; sleep 0.1; done
  $ export EXPEER_SMTP_URL=smtp://127.0.0.1:$(cat port)
  $ expeer letter send 2024-09
  letter 2024-09: 2 sent, 0 failed, 0 waiting

Every message as the server received it (less the line the test server adds for its envelope):

  $ for m in mail/*.eml; do tail -n +2 "$m" > "${m%.eml}.msg"; done
  $ python3 -c '
  > import email, email.policy, glob
  > for path in sorted(glob.glob("mail/*.msg")):
  >     m = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
  >     parts = list(m.walk())
  >     defects = list(m.defects) + [d for p in parts for d in p.defects]
  >     print(m["To"].addresses[0].addr_spec, len(parts), "parts,", len(defects), "defects")
  > ' | sort
  en1@example.org 3 parts, 0 defects
  fr1@example.org 3 parts, 0 defects
  $ for m in mail/*.msg; do spamassassin -t -L < "$m" 2>/dev/null | grep -m1 -o '^X-Spam-Status: [A-Za-z]*, score=-\{0,1\}[0-9.]*' | awk -F= '{ print ($2 < 1) ? "below 1" : "score " $2 }'; done
  below 1
  below 1

  $ kill $(cat port.pid)
