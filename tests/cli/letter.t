The ExPEERience Letter: written, approved, built and sent to a real SMTP server on loopback
(aiosmtpd), every message read back with Python's email package.

  $ . use-database expeer.db
  $ . letter-settings
  $ cli="$TESTS_DATA/../cli"
  $ expeer -q db init

Forty subscribers in French, English and Arabic (who get the fallback, English), one who
never agreed, one disabled.

  $ { echo "email,name,country,language,newsletter"
  >   for i in $(seq 1 15); do echo "fr$i@example.org,Membre $i,TN,fr,yes"; done
  >   for i in $(seq 1 15); do echo "en$i@example.org,Member $i,UG,en,yes"; done
  >   for i in $(seq 1 9); do echo "ar$i@example.org,عضو $i,MA,ar,yes"; done
  >   echo 'zoe@example.org,"Zoë ""Z"" Ångström",BE,en,yes'
  >   echo "no@example.org,Never Agreed,FR,fr,no"
  >   echo "gone@example.org,Disabled Member,FR,fr,yes"
  > } > members.csv
  $ expeer -q members import members.csv
  members.csv: 42 rows: 42 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ expeer -q members disable gone@example.org

August in the network: a public space and a confidential one, each with news and a file.

  $ expeer -q spaces create veille --label "Veille juridique"
  $ expeer -q spaces create dossier-secret --label "SECRET-SPACE" --access confidential
  $ expeer -q spaces members add veille fr1@example.org
  $ expeer -q spaces members add dossier-secret fr2@example.org
  $ expeer -q news post veille --title "Note publique" --body "x" --as fr1@example.org --at 2024-08-10T10:00:00Z
  $ expeer -q news post dossier-secret --title "SECRET-NEWS" --body "x" --as fr2@example.org --at 2024-08-11T10:00:00Z
  $ echo public > rapport-public.pdf; echo secret > SECRET-FILE.pdf
  $ EXPEER_NOW=2024-08-12T10:00:00Z expeer -q library add veille rapport-public.pdf --as fr1@example.org
  $ EXPEER_NOW=2024-08-12T10:00:00Z expeer -q library add dossier-secret SECRET-FILE.pdf --as fr2@example.org
  $ expeer -q talks add --at 2024-09-26T14:00:00Z --title-fr "Justice transitionnelle" --title-en "Transitional justice"

Writing an issue: a missing translation is an error listing every one.

  $ expeer letter new 2024-09 2>&1 | sed "s#$PWD#.#"
  expeer: wrote './letters/2024-09.yaml': fill it in, then `expeer letter build 2024-09`
  $ cat > letters/2024-09.yaml <<'YAML'
  > subject:
  >   fr: "La Lettre ExPEERience – septembre 2024"
  >   en: "The ExPEERience Letter – September 2024"
  > editorial:
  >   fr: "La rentrée du réseau."
  >   en: "The network is back."
  > sections:
  >   analyses:
  >     - title:
  >         fr: "Détention & <script>alert(1)</script>"
  >       body:
  >         fr: "Une **analyse**. <img src=https://tracker.example/p.gif>"
  >         en: "An **analysis**."
  >   opportunities:
  >     - title:
  >         en: "A job"
  > YAML
  $ expeer letter build 2024-09
  expeer: error: 2024-09.yaml:10 'sections.analyses[1].title': no English text
  expeer: error: 2024-09.yaml:16 'sections.opportunities[1].title': no French text
  expeer: nothing was written
  [65]
  $ expeer -q letter build 2024-09 --allow-missing
  $ grep -c "Disponible en anglais seulement" letters/2024-09/2024-09.fr.html
  1
  $ grep -o '&lt;script&gt;' letters/2024-09/2024-09.en.html
  &lt;script&gt;
  $ grep -c -E '<script|<img|tracker.example' letters/2024-09/*.html
  letters/2024-09/2024-09.en.html:0
  letters/2024-09/2024-09.fr.html:0
  [1]

The HTML is an email: a 600 px table, its language set, dark-mode ready, and light.

  $ grep -o -E '<html lang="fr" dir="ltr">|width="600"|name="color-scheme"' letters/2024-09/2024-09.fr.html
  <html lang="fr" dir="ltr">
  name="color-scheme"
  width="600"
  $ wc -c < letters/2024-09/2024-09.fr.html | awk '{ print ($1 < 100000) ? "under 100 KB" : "too big" }'
  under 100 KB
  $ EXPEER_STATS_TIME_ZONE=Europe/Brussels expeer -q letter build 2024-09 --allow-missing
  $ grep -o '26 septembre 2024, 16:00 (Europe/Brussels)' letters/2024-09/2024-09.fr.txt
  26 septembre 2024, 16:00 (Europe/Brussels)
  $ grep -o -E 'Justice transitionnelle|Veille juridique|rapport-public.pdf|SECRET[A-Z-]*' letters/2024-09/2024-09.fr.txt
  Justice transitionnelle
  Veille juridique
  rapport-public.pdf
  Veille juridique

The figures follow the annual report's rules: a test account's news is not counted. They
count public spaces only, as the rest of the letter: the confidential space's news and file
are not in them.

  $ expeer -q spaces members add veille zoe@example.org
  $ expeer -q news post veille --title "Essai" --body "x" --as zoe@example.org --at 2024-08-20T10:00:00Z
  $ expeer -q letter build 2024-09 --allow-missing
  $ grep -E '^  - (News|Files|Veille)' letters/2024-09/2024-09.en.txt
    - News published in public spaces: 2
    - Files shared in public spaces: 1
    - Veille juridique (3 contributions)
  $ EXPEER_STATS_TEST_ACCOUNTS='zoe@*' expeer -q letter build 2024-09 --allow-missing
  $ grep -E '^  - (News|Files|Veille)' letters/2024-09/2024-09.en.txt
    - News published in public spaces: 1
    - Files shared in public spaces: 1
    - Veille juridique (2 contributions)
  $ grep -E '^\* en ' letters/2024-09/2024-09.fr.txt | uniq
  * en ao\xc3\xbbt 2024 (esc)

Only an approved issue is sent, and only as it was approved.

  $ (/usr/bin/python3 "$cli/smtp_server.py" --port-file port --dir mail --temp-fail en2@example.org:1 --perm-fail en3@example.org &) ; for i in $(seq 1 300); do [ -s port ] && break; sleep 0.1; done
  $ export EXPEER_SMTP_URL=smtp://127.0.0.1:$(cat port)
  $ expeer letter send 2024-09 --allow-missing
  expeer: error: issue 2024-09 is not approved: `expeer letter approve 2024-09` first
  [64]
  $ expeer letter send 2024-09 --allow-missing --if-approved
  $ ls mail 2>/dev/null | wc -l
  0
  $ expeer -q letter approve 2024-09 --allow-missing
  $ echo "# a late change" >> letters/2024-09.yaml
  $ expeer letter send 2024-09 --allow-missing
  expeer: error: issue 2024-09 changed since it was approved on 2024-09-15T08:30:00Z: approve it again
  [64]
  $ expeer -q letter approve 2024-09 --allow-missing
  $ expeer letter recipients 2024-09
  language,recipients
  en,25
  fr,15
  $ expeer letter send 2024-09 --allow-missing --dry-run
  letter 2024-09: would send to 15 in French and 25 in English (dry run)

Sending: a 451 is retried in the same run, a 550 marks the address failed (exit 3: done, with
failures).

  $ expeer letter send 2024-09 --allow-missing
  letter 2024-09: 39 sent, 1 failed, 0 waiting
  [3]
  $ expeer letter status 2024-09 --format csv
  expeer: issue 2024-09 approved on 2024-09-15T08:30:00Z by tester
  expeer: since: 0 bounced, 0 complaints, 0 unsubscribed
  language,pending,sending,sent,failed,interrupted
  fr,0,0,15,0,0
  en,0,0,24,1,0
  $ sql "SELECT attempts, reply FROM letter_sends s JOIN members m ON m.id = s.member_id WHERE m.email IN ('en2@example.org', 'en3@example.org') ORDER BY m.email"
  2|250 2.0.0 queued as * (glob)
  1|550 5.1.1 <en3@example.org>: no such mailbox

Every message, read with Python's email package: both parts, the member's language, names
encoded, the unsubscribe headers, nothing from the confidential space, no line too long.

  $ /usr/bin/python3 "$cli/check_mail.py" mail --forbid SECRET > check.txt; tail -1 check.txt
  39 messages, 39 recipients, 0 problems
  $ grep -E '^(fr1|en1|ar1|zoe)@' check.txt
  fr1@example.org fr Membre 1 | La Lettre ExPEERience \xe2\x80\x93 septembre 2024 (esc)
  en1@example.org en Member 1 | The ExPEERience Letter \xe2\x80\x93 September 2024 (esc)
  ar1@example.org en \xd8\xb9\xd8\xb6\xd9\x88 1 | The ExPEERience Letter \xe2\x80\x93 September 2024 (esc)
  zoe@example.org en Zo\xc3\xab "Z" \xc3\x85ngstr\xc3\xb6m | The ExPEERience Letter \xe2\x80\x93 September 2024 (esc)
  $ grep -l "no@example.org\|gone@example.org" mail/*.eml
  [1]

Bulk mail, which out-of-office replies and auto-replies leave alone:

  $ for f in mail/*.eml; do tr -d '\r' < $f | grep -c -E '^(Precedence: bulk|X-Auto-Response-Suppress: OOF, AutoReply)$'; done | sort | uniq -c | sed 's/^ *//'
  39 2

A rerun sends nothing twice.

  $ expeer letter send 2024-09 --allow-missing
  letter 2024-09: 0 sent, 0 failed, 0 waiting
  $ expeer -q letter send 2024-09 --allow-missing
  $ ls mail | wc -l
  39

One-click unsubscribe: the token in a member's message withdraws their consent, dated; a
forged one does nothing.

  $ token=$(grep -h -A1 '^List-Unsubscribe:' $(grep -l '^X-Envelope-To: fr1@' mail/*.eml) | grep -o 'token=[A-Za-z0-9_-]*' | cut -d= -f2)
  $ expeer members unsubscribe --token "$token"
  expeer: member 1 is unsubscribed
  $ expeer members unsubscribe --token "1-AAAAAAAAAAAAAAAAAAAAAA"
  expeer: error: this unsubscribe link is not valid
  [65]
  $ expeer members unsubscribe en1@example.org
  expeer: member 16 is unsubscribed
  $ expeer members show fr1@example.org --format json | grep -E '"(newsletter_consent|consent_source)"'
    "newsletter_consent": false,
    "consent_source": "one-click unsubscribe",
  $ expeer letter recipients 2024-09
  language,recipients
  en,24
  fr,14

A test copy per language, recorded nowhere.

  $ rm -f mail/*.eml
  $ expeer letter send 2024-09 --allow-missing --test-to editor@example.org
  expeer: sent a test copy of 2024-09 in each language
  $ grep -h '^X-Envelope-To' mail/*.eml | tr -d '\r'
  X-Envelope-To: editor@example.org
  X-Envelope-To: editor@example.org

Test copies say so in their subject, and each has a Message-ID of its own, so that a second
test is not dropped as a duplicate of the first.

  $ expeer -q letter send 2024-09 --allow-missing --test-to editor@example.org
  $ python3 -c '
  > import email, email.policy, glob
  > copies = [email.message_from_binary_file(open(f, "rb"), policy=email.policy.default) for f in glob.glob("mail/*.eml")]
  > print(len(copies), "copies,", len({c["Message-ID"] for c in copies}), "Message-IDs")
  > for c in copies: print(c["Subject"])' | sort
  4 copies, 4 Message-IDs
  [TEST] La Lettre ExPEERience \xe2\x80\x93 septembre 2024 (esc)
  [TEST] La Lettre ExPEERience \xe2\x80\x93 septembre 2024 (esc)
  [TEST] The ExPEERience Letter \xe2\x80\x93 September 2024 (esc)
  [TEST] The ExPEERience Letter \xe2\x80\x93 September 2024 (esc)

The web archive: sent issues only, nobody's name or token.

  $ expeer -q letter archive --out site
  $ ls site
  2024-09.en.html
  2024-09.fr.html
  feed.en.xml
  feed.fr.xml
  index.en.html
  index.fr.html
  $ grep -c -E 'Membre|token=|@example.org' site/*.html
  site/2024-09.en.html:0
  site/2024-09.fr.html:0
  site/index.en.html:0
  site/index.fr.html:0
  [1]

The data export tells a member which letters were sent to them.

  $ expeer members data-export fr3@example.org | python3 -c 'import json,sys; print(json.load(sys.stdin)["newsletters"])'
  [{'issue': '2024-09', 'language': 'fr', 'status': 'sent', 'at': '2024-09-15T08:30:00Z', 'server_reply': '250 2.0.0 queued as *'}] (glob)

  $ kill $(cat port.pid)
