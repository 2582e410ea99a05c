Returned mail (issue 14): `letter bounces` reads a Maildir or an mbox of the bounces Postfix,
Exim and Gmail write, and an abuse report as Yahoo writes it (tests/data/bounces/), matches
each to the member its signed bounce address names, and keeps the letter from addresses that
do not work and from members who complained.

  $ . use-database expeer.db
  $ export EXPEER_LETTER_TOKEN_SECRET=a-secret-for-the-tests-only
  $ export EXPEER_LETTER_BOUNCE_ADDRESS=bounces@network.example
  $ samples="$TESTS_DATA/bounces"
  $ expeer -q db init

Seven subscribers; the samples were returned to the bounce addresses of members 1 to 7.

  $ { echo "email,name,country,language,newsletter"
  >   echo "amina@example.org,Amina Benali,TN,fr,yes"
  >   echo "bruno@example.net,Bruno Costa,BR,en,yes"
  >   echo "chloe.martin@example.com,Chloé Martin,FR,fr,yes"
  >   echo "dina@example.org,Dina Haddad,LB,en,yes"
  >   echo "emma@example.org,Emma Schulz,DE,en,yes"
  >   echo "farid@yahoo.example,Farid Mansour,MA,fr,yes"
  >   echo "gaston@example.org,Gaston Lefebvre,BE,fr,yes"
  > } > members.csv
  $ expeer -q members import members.csv
  members.csv: 7 rows: 7 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ verp-address "$EXPEER_LETTER_TOKEN_SECRET" 1 "$EXPEER_LETTER_BOUNCE_ADDRESS"
  bounces+1-o6apj3ao37my4iooujpe2cizeq@network.example
  $ grep -c "bounces+1-o6apj3ao37my4iooujpe2cizeq@network.example" "$samples/postfix-hard.eml"
  4
  $ expeer letter recipients 2024-09 --format csv
  language,recipients
  en,3
  fr,4

A Maildir of them, with two made here: a report to a forged bounce address about nobody's
address, and one to the plain bounce address about Gaston's (matched by his address, and
the report says so).

  $ mkdir -p Maildir/cur Maildir/new Maildir/tmp
  $ n=0; for f in postfix-hard exim-hard gmail-hard postfix-soft gmail-delayed yahoo-arf-abuse auto-reply; do
  >   n=$((n + 1)); cp "$samples/$f.eml" "Maildir/new/172638906$n.M1P$n.mail.network.example"; done
  $ sed -e 's/bounces+1-o6apj3ao37my4iooujpe2cizeq/bounces+7-aaaaaaaaaaaaaaaaaaaaaaaaaa/g' \
  >   -e 's/amina@example.org/nobody@example.org/g' -e 's/4X7Qk36Hq1z9sVt/4X7QkForged0001/g' \
  >   -e 's/token=1-JR6DcFGSiEqXeIREhGdMWQ/token=1-forged/' \
  >   "$samples/postfix-hard.eml" > Maildir/cur/1726389070.M8P8.mail.network.example:2,S
  $ sed -e 's/bounces+1-o6apj3ao37my4iooujpe2cizeq/bounces/g' -e 's/amina@example.org/gaston@example.org/g' \
  >   -e 's/4X7Qk36Hq1z9sVt/4X7QkGaston0001/g' -e '/List-Unsubscribe/,+1d' \
  >   "$samples/postfix-hard.eml" > Maildir/cur/1726389071.M9P9.mail.network.example:2,S

A dry run says what it would do, and does nothing.

  $ expeer letter bounces Maildir --dry-run
  message,found,member,matched_by,status,action
  "cur/1726389070.M8P8.mail.network.example:2,S",unmatched,,,5.1.1,none: it names no member
  "cur/1726389071.M9P9.mail.network.example:2,S",hard,7,their address,5.1.1,would suspend after 1 hard bounce
  new/1726389061.M1P1.mail.network.example,hard,1,bounce address,5.1.1,would suspend after 1 hard bounce
  new/1726389062.M1P2.mail.network.example,hard,2,bounce address,5.0.0,would suspend after 1 hard bounce
  new/1726389063.M1P3.mail.network.example,hard,3,bounce address,5.1.1,would suspend after 1 hard bounce
  new/1726389064.M1P4.mail.network.example,soft,4,bounce address,4.4.1,counted: 1 of 5 soft bounces
  new/1726389065.M1P5.mail.network.example,delayed,5,bounce address,4.4.1,none: still being tried
  new/1726389066.M1P6.mail.network.example,complaint,6,bounce address,abuse,would unsubscribe
  new/1726389067.M1P7.mail.network.example,not a report,,,,none
  expeer: read 9 messages: 4 hard, 1 soft, 1 complaint, 1 delayed, 1 unmatched, 1 not a report; 4 members suspended, 1 unsubscribed (dry run: nothing was changed)
  $ expeer letter recipients 2024-09 --format csv
  language,recipients
  en,3
  fr,4

The run: two hard bounces and Gaston's suspend, the soft one is counted (1 of 5), the delay
and the auto-reply change nothing, the complaint unsubscribes.

  $ expeer letter bounces Maildir
  message,found,member,matched_by,status,action
  "cur/1726389070.M8P8.mail.network.example:2,S",unmatched,,,5.1.1,none: it names no member
  "cur/1726389071.M9P9.mail.network.example:2,S",hard,7,their address,5.1.1,suspended after 1 hard bounce
  new/1726389061.M1P1.mail.network.example,hard,1,bounce address,5.1.1,suspended after 1 hard bounce
  new/1726389062.M1P2.mail.network.example,hard,2,bounce address,5.0.0,suspended after 1 hard bounce
  new/1726389063.M1P3.mail.network.example,hard,3,bounce address,5.1.1,suspended after 1 hard bounce
  new/1726389064.M1P4.mail.network.example,soft,4,bounce address,4.4.1,counted: 1 of 5 soft bounces
  new/1726389065.M1P5.mail.network.example,delayed,5,bounce address,4.4.1,none: still being tried
  new/1726389066.M1P6.mail.network.example,complaint,6,bounce address,abuse,unsubscribed
  new/1726389067.M1P7.mail.network.example,not a report,,,,none
  expeer: read 9 messages: 4 hard, 1 soft, 1 complaint, 1 delayed, 1 unmatched, 1 not a report; 4 members suspended, 1 unsubscribed
  $ expeer letter recipients 2024-09 --format csv
  language,recipients
  en,2
  fr,0
  $ expeer members show 1 --format json | grep -E '"(email|newsletter_consent|letter_suspended)"'
    "email": "amina@example.org",
    "newsletter_consent": true,
    "letter_suspended": "since 2024-09-15T08:30:00Z, after 1 hard bounce"
  $ expeer members show 6 --format json | grep -E '"(newsletter_consent|consent_source)"'
    "newsletter_consent": false,
    "consent_source": "abuse report (letter bounces)",
  $ expeer audit list --format csv | grep -E 'letter.suspend|member.update'
  10,2024-09-15T08:30:00Z,tester,letter.suspend,member,7,"{""bounces"":1,""kind"":""hard"",""status"":""5.1.1""}"
  11,2024-09-15T08:30:00Z,tester,letter.suspend,member,1,"{""bounces"":1,""kind"":""hard"",""status"":""5.1.1""}"
  12,2024-09-15T08:30:00Z,tester,letter.suspend,member,2,"{""bounces"":1,""kind"":""hard"",""status"":""5.0.0""}"
  13,2024-09-15T08:30:00Z,tester,letter.suspend,member,3,"{""bounces"":1,""kind"":""hard"",""status"":""5.1.1""}"
  14,2024-09-15T08:30:00Z,tester,member.update,member,6,"{""fields"":[""newsletter consent""]}"

Read again, as a mailbox is every run: nothing counts twice.

  $ expeer letter bounces Maildir --format csv
  message,found,member,matched_by,status,action
  "cur/1726389070.M8P8.mail.network.example:2,S",read before,,,5.1.1,none
  "cur/1726389071.M9P9.mail.network.example:2,S",read before,,,5.1.1,none
  new/1726389061.M1P1.mail.network.example,read before,,,5.1.1,none
  new/1726389062.M1P2.mail.network.example,read before,,,5.0.0,none
  new/1726389063.M1P3.mail.network.example,read before,,,5.1.1,none
  new/1726389064.M1P4.mail.network.example,read before,,,4.4.1,none
  new/1726389065.M1P5.mail.network.example,read before,,,4.4.1,none
  new/1726389066.M1P6.mail.network.example,read before,,,abuse,none
  new/1726389067.M1P7.mail.network.example,not a report,,,,none
  expeer: read 9 messages: 1 not a report, 8 read before; 0 members suspended, 0 unsubscribed
  $ expeer letter recipients 2024-09 --format csv
  language,recipients
  en,2
  fr,0

The same reports in an mbox (as a mail server's local delivery writes one, a "From " line
before each), in another database: the same findings, in JSON.

  $ . use-database other.db
  $ expeer -q db init
  $ expeer -q members import members.csv
  members.csv: 7 rows: 7 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ for f in Maildir/new/* Maildir/cur/*; do
  >   echo "From MAILER-DAEMON Sun Sep 15 08:31:02 2024"; sed 's/^From />From /' "$f"; echo; done > bounces.mbox
  $ expeer letter bounces bounces.mbox --format json
  [
    {
      "message": "message 1",
      "found": "hard",
      "member": 1,
      "matched_by": "bounce address",
      "status": "5.1.1",
      "action": "suspended after 1 hard bounce"
    },
    {
      "message": "message 2",
      "found": "hard",
      "member": 2,
      "matched_by": "bounce address",
      "status": "5.0.0",
      "action": "suspended after 1 hard bounce"
    },
    {
      "message": "message 3",
      "found": "hard",
      "member": 3,
      "matched_by": "bounce address",
      "status": "5.1.1",
      "action": "suspended after 1 hard bounce"
    },
    {
      "message": "message 4",
      "found": "soft",
      "member": 4,
      "matched_by": "bounce address",
      "status": "4.4.1",
      "action": "counted: 1 of 5 soft bounces"
    },
    {
      "message": "message 5",
      "found": "delayed",
      "member": 5,
      "matched_by": "bounce address",
      "status": "4.4.1",
      "action": "none: still being tried"
    },
    {
      "message": "message 6",
      "found": "complaint",
      "member": 6,
      "matched_by": "bounce address",
      "status": "abuse",
      "action": "unsubscribed"
    },
    {
      "message": "message 7",
      "found": "not a report",
      "member": null,
      "matched_by": "",
      "status": "",
      "action": "none"
    },
    {
      "message": "message 8",
      "found": "unmatched",
      "member": null,
      "matched_by": "",
      "status": "5.1.1",
      "action": "none: it names no member"
    },
    {
      "message": "message 9",
      "found": "hard",
      "member": 7,
      "matched_by": "their address",
      "status": "5.1.1",
      "action": "suspended after 1 hard bounce"
    }
  ]
  expeer: read 9 messages: 4 hard, 1 soft, 1 complaint, 1 delayed, 1 unmatched, 1 not a report; 4 members suspended, 1 unsubscribed
  $ expeer -q letter bounces bounces.mbox --format csv | tail -n +2 | cut -d, -f2 | sort | uniq -c
        1 not a report
        8 read before

A new address clears the suspension: the letter goes to it.

  $ expeer -q members update 1 --email amina.benali@example.org
  $ expeer members show 1 --format json | grep -c letter_suspended
  0
  [1]
  $ expeer letter recipients 2024-09 --format csv
  language,recipients
  en,2
  fr,1

Erasing a member erases their bounces.

  $ expeer -q members erase 2 --yes 2>/dev/null
  $ sql "SELECT count(*) FROM letter_bounces WHERE member_id = 2; SELECT count(*) FROM letter_suspensions WHERE member_id = 2"
  0
  0

What cannot be read is an error that names it.

  $ expeer letter bounces nowhere
  expeer: error: cannot read 'nowhere': no such file or directory
  [66]
  $ mkdir empty-dir; expeer letter bounces empty-dir
  expeer: error: 'empty-dir' is a directory but not a Maildir (no cur/ or new/)
  [65]
  $ EXPEER_LETTER_TOKEN_SECRET= expeer letter bounces Maildir
  expeer: error: letter.token_secret must be set, at least 16 characters (EXPEER_LETTER_TOKEN_SECRET)
  [78]
  $ EXPEER_LETTER_BOUNCE_HARD_LIMIT=0 expeer letter bounces Maildir
  expeer: error: letter.bounce_hard_limit '0' (environment EXPEER_LETTER_BOUNCE_HARD_LIMIT): must be at least 1
  [78]
