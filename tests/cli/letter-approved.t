What was approved is what goes out and what the archive shows: an approval keeps the editions
it approved, and the options it was given. A talk added after approval, or a source edited
after the issue went out, changes neither the messages nor the archive.

  $ . use-database expeer.db
  $ . letter-settings
  $ cli="$TESTS_DATA/../cli"
  $ expeer -q db init
  $ printf 'email,name,country,language,newsletter\nfr1@example.org,Membre 1,TN,fr,yes\nen1@example.org,Member 1,UG,en,yes\n' > members.csv
  $ expeer -q members import members.csv
  members.csv: 2 rows: 2 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer -q talks add --at 2024-09-26T14:00:00Z --title-fr "Justice transitionnelle" --title-en "Transitional justice"

A file shared in August and then removed from the library is in no edition; one still there
is.

  $ expeer -q spaces create veille --label "Veille juridique"
  $ expeer -q spaces members add veille fr1@example.org
  $ echo kept > kept-report.pdf; echo gone > REMOVED-FILE.pdf
  $ EXPEER_NOW=2024-08-12T10:00:00Z expeer -q library add veille kept-report.pdf REMOVED-FILE.pdf --as fr1@example.org
  $ expeer -q library rm veille REMOVED-FILE.pdf --as-admin
  $ expeer -q letter new 2024-09
  $ cat > letters/2024-09.yaml <<'YAML'
  > subject:
  >   fr: "La Lettre ExPEERience – septembre 2024"
  >   en: "The ExPEERience Letter – September 2024"
  > editorial:
  >   fr: "La rentrée du réseau."
  >   en: "The network is back."
  > sections:
  >   opportunities:
  >     - title:
  >         en: "A job in Kampala"
  > YAML

Approved with a translation missing: the approval records it, so the send that cron runs,
without the option, goes out.

  $ expeer -q letter approve 2024-09
  expeer: error: 2024-09.yaml:10 'sections.opportunities[1].title': no French text
  expeer: nothing was written
  [65]
  $ expeer -q letter approve 2024-09 --allow-missing
  $ expeer audit list --format csv | grep letter.approve | cut -d, -f4-
  letter.approve,letter,2024-09,"{""sha256"":""*"",""allow_missing"":true}" (glob)

A talk added after approval is not in the messages.

  $ expeer -q talks add --at 2024-09-28T14:00:00Z --title-fr "TALK-ADDED-LATER" --title-en "TALK-ADDED-LATER"
  $ (/usr/bin/python3 "$cli/smtp_server.py" --port-file port --dir mail &) ; for i in $(seq 1 300); do [ -s port ] && break; sleep 0.1; done
  $ export EXPEER_SMTP_URL=smtp://127.0.0.1:$(cat port)
  $ expeer letter send 2024-09
  letter 2024-09: 2 sent, 0 failed, 0 waiting
  $ grep -l "Transitional justice" mail/*.eml | wc -l
  1
  $ grep -l "Justice transitionnelle" mail/*.eml | wc -l
  1
  $ grep -c "TALK-ADDED-LATER" mail/*.eml | grep -v ':0$'
  [1]
  $ grep -l "kept-report.pdf" mail/*.eml | wc -l
  2
  $ grep -c "REMOVED-FILE" mail/*.eml | grep -v ':0$'
  [1]

The source is edited after the issue went out (for next month, say): the archive still shows
the issue as approved and sent, with nobody's name or link.

  $ sed -i 's/The network is back./EDITED-AFTERWARDS/' letters/2024-09.yaml
  $ expeer -q letter new 2025-01
  $ printf 'subject:\n  fr: "La Lettre – janvier 2025"\n  en: "The Letter – January 2025"\neditorial:\n  fr: "Bonne année."\n  en: "Happy new year."\n' > letters/2025-01.yaml
  $ expeer -q letter approve 2025-01
  $ expeer -q letter send 2025-01
  letter 2025-01: 2 sent, 0 failed, 0 waiting
  $ expeer -q letter archive --out site
  $ ls site
  2024-09.en.html
  2024-09.fr.html
  2025-01.en.html
  2025-01.fr.html
  feed.en.xml
  feed.fr.xml
  index.en.html
  index.fr.html
  $ grep -c -E "EDITED-AFTERWARDS|TALK-ADDED-LATER" site/*
  site/2024-09.en.html:0
  site/2024-09.fr.html:0
  site/2025-01.en.html:0
  site/2025-01.fr.html:0
  site/feed.en.xml:0
  site/feed.fr.xml:0
  site/index.en.html:0
  site/index.fr.html:0
  [1]
  $ grep -o -E "The network is back.|Transitional justice" site/2024-09.en.html | sort -u
  The network is back.
  Transitional justice
  $ grep -c -E "Membre|Member 1|token=|@example.org" site/*
  site/2024-09.en.html:0
  site/2024-09.fr.html:0
  site/2025-01.en.html:0
  site/2025-01.fr.html:0
  site/feed.en.xml:0
  site/feed.fr.xml:0
  site/index.en.html:0
  site/index.fr.html:0
  [1]

The index lists the issues by year, newest first; each issue links to the one before and
after it, to the other language and to the index; an Atom feed per language.

  $ grep -o -E '<h2>[0-9]+</h2>|href="[^"]*"' site/index.fr.html
  href="feed.fr.xml"
  <h2>2025</h2>
  href="2025-01.fr.html"
  <h2>2024</h2>
  href="2024-09.fr.html"
  href="feed.fr.xml"
  href="index.en.html"
  $ grep -o '<nav.*</nav>' site/2024-09.en.html | grep -o 'href="[^"]*"[^>]*>[^<]*'
  href="index.en.html" style="color:#2171b5;">All issues
  href="2024-09.fr.html" hreflang="fr" lang="fr" style="color:#2171b5;">Français
  href="2025-01.en.html" rel="next" style="color:#2171b5;">January 2025 \xe2\x86\x92 (esc)
  $ python3 -c 'import sys, xml.etree.ElementTree as E; a = "{http://www.w3.org/2005/Atom}"; f = E.parse(sys.argv[1]).getroot(); print(f.find(a + "title").text); [print(e.find(a + "id").text, e.find(a + "link").get("href"), e.find(a + "title").text) for e in f.findall(a + "entry")]' site/feed.en.xml
  The ExPEERience Letter
  tag:letter.network.example,2024:letter.2025-01.en 2025-01.en.html The Letter \xe2\x80\x93 January 2025 (esc)
  tag:letter.network.example,2024:letter.2024-09.en 2024-09.en.html The ExPEERience Letter \xe2\x80\x93 September 2024 (esc)

The send itself refuses the edited source, as before.

  $ expeer letter send 2024-09
  expeer: error: issue 2024-09 changed since it was approved on 2024-09-15T08:30:00Z: approve it again
  [64]

The approved editions go with the database: a copy carries them.

  $ expeer -q db copy "$EXPEER_DB" copy.db > /dev/null
  $ sqlite3 copy.db "SELECT issue, language, copy FROM letter_editions WHERE issue = '2024-09' ORDER BY 2, 3"
  2024-09|en|archive
  2024-09|en|members
  2024-09|fr|archive
  2024-09|fr|members

  $ kill $(cat port.pid)
