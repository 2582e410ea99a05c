Each member's rights over their data: a copy of everything held, and erasure.

  $ . use-database expeer.db
  $ expeer -q db init
  $ expeer -q members add amina.bensalah@example.org --name "Amina Ben Salah" --country TN \
  >   --organisation "Ligue tunisienne" --newsletter yes --consent-source "form 2024" --external-id u-17
  $ EXPEER_NOW=2024-10-01T09:00:00Z expeer -q members update amina.bensalah@example.org --newsletter no --consent-source "reply"
  $ expeer -q members add other@example.org --name "Other Member" --country FR

Everything about one person, as JSON:

  $ expeer members data-export AMINA.BENSALAH@example.org
  {
    "member": {
      "id": 1,
      "email": "amina.bensalah@example.org",
      "name": "Amina Ben Salah",
      "country": "TN",
      "organisation": "Ligue tunisienne",
      "occupation": "other",
      "language": "en",
      "profile": "member",
      "newsletter_consent": false,
      "consent_at": "2024-10-01T09:00:00Z",
      "consent_source": "reply",
      "registered_on": "2024-09-15",
      "status": "active",
      "disabled_at": null,
      "external_id": "u-17",
      "created_at": "2024-09-15T08:30:00Z",
      "updated_at": "2024-10-01T09:00:00Z"
    },
    "consent_history": [
      {
        "at": "2024-09-15T08:30:00Z",
        "consent": true,
        "source": "form 2024"
      },
      {
        "at": "2024-10-01T09:00:00Z",
        "consent": false,
        "source": "reply"
      }
    ],
    "memberships": [],
    "news": [],
    "comments": [],
    "activity": [],
    "newsletters": [],
    "returned_mail": [],
    "letter_suspended": null,
    "changes": [
      {
        "at": "2024-09-15T08:30:00Z",
        "by": "tester",
        "action": "member.add",
        "details": null
      },
      {
        "at": "2024-10-01T09:00:00Z",
        "by": "tester",
        "action": "member.update",
        "details": {
          "fields": [
            "newsletter consent"
          ]
        }
      }
    ]
  }
  $ expeer members data-export 1 -o amina.json
  expeer: wrote 'amina.json'
  $ stat -c %a amina.json
  600
  $ rm amina.json

Erasure is a dry run unless --yes is given.

  $ expeer members erase amina.bensalah@example.org
  expeer: would erase member 1 (Amina Ben Salah <amina.bensalah@example.org>): email, name, country, organisation, occupation, language, profile, newsletter consent, external id, 2 consent record(s), and their place in 0 space(s); their 0 news and 0 comment(s) would stay, attributed to a former member
  expeer: nothing was erased: run again with --yes to erase

Another program keeps the database open meanwhile (as a sync with the collaboration platform
would): SQLite keeps its WAL file, with old copies of pages, instead of removing it; a
PostgreSQL server keeps the old versions of changed rows in the table's files.

  $ hold-open &
  $ for i in $(seq 1 3000); do [ -e open ] && break; sleep 0.01; done
  $ expeer -q members update other@example.org --organisation "Some Org"
  $ database-bytes | LC_ALL=C grep -q -a -F "amina.bensalah@example.org" && echo "still there"
  still there
  $ expeer members erase amina.bensalah@example.org --yes
  expeer: erased member 1

Afterwards the email, the name and every other personal value are nowhere in the database's
files, the WAL included.

  $ for needle in amina.bensalah "Amina Ben Salah" "amina ben salah" "Ligue tunisienne" u-17 "form 2024"; do
  >   database-bytes | LC_ALL=C grep -c -a -F "$needle"; done | sort -u
  0
  $ database-bytes | LC_ALL=C grep -q -a -F "other@example.org" && echo "the others are still there"
  the others are still there
  $ touch done; wait

The person is gone from lookups and listings; the row stays, marked erased, and the audit
log records the erasure by id only.

  $ expeer members show amina.bensalah@example.org
  expeer: error: no member with email 'amina.bensalah@example.org'
  [67]
  $ expeer members list --format csv | cut -d, -f1-3
  id,email,name
  2,other@example.org,Other Member
  $ expeer members list --status erased --format csv | cut -d, -f1,2,3,13
  id,email,name,status
  1,,,erased
  $ expeer members update 1 --name "Back"
  expeer: error: member 1 was erased
  [67]
  $ expeer audit list --object member --id 1 --format csv
  id,at,actor,action,object_type,object_id,details
  2,2024-09-15T08:30:00Z,tester,member.add,member,1,
  3,2024-10-01T09:00:00Z,tester,member.update,member,1,"{""fields"":[""newsletter consent""]}"
  6,2024-09-15T08:30:00Z,tester,member.erase,member,1,"{""content"":""kept""}"
  $ sql "SELECT count(*) FROM consent_events WHERE member_id = 1"
  0
  $ expeer members erase 1 --yes
  expeer: member 1 was already erased; WAL file emptied

The same email can join again later, as a new member, when the person asks to come back
(erasure-list.t shows that it is refused otherwise).

  $ expeer members add amina.bensalah@example.org --name "Amina Ben Salah" --allow-erased
  expeer: added member 3
