The member registry, as an admin uses it.

  $ . use-database expeer.db
  $ expeer --quiet db init
  $ expeer members add amina@example.org --name "Amina Ben Salah" --country Tunisie \
  >   --occupation avocate --language français --newsletter yes --consent-source "form 2024"
  expeer: added member 1
  $ expeer members add jb@example.cd --name "Jean-Baptiste Mukendi" --country RDC \
  >   --organisation "Ligue des Électeurs" --registered 2023-11-02
  expeer: added member 2
  $ expeer members add noor@example.org --name "نور الهدى" --country "Congo (RDC)" --language ar \
  >   --occupation "NGO staff" --external-id u-381
  expeer: added member 3
  $ expeer members add elodie@example.be --name "Élodie Peeters" --country BE --occupation chercheuse
  expeer: added member 4
  $ expeer -q members add zoe@example.fr --name "Zoé Martin" --country "République démocratique du Congo"

Listing sorts names as a reader expects, accents and Arabic script included.

  $ expeer members list --format table
  id  name                   email              country  language  occupation  status
  1   Amina Ben Salah        amina@example.org  TN       fr        lawyer      active
  4   Élodie Peeters         elodie@example.be  BE       en        researcher  active
  2   Jean-Baptiste Mukendi  jb@example.cd      CD       en        other       active
  5   Zoé Martin             zoe@example.fr     CD       en        other       active
  3   نور الهدى              noor@example.org   CD       ar        ngo-staff   active
  $ expeer members list --country "RD Congo" --format csv
  id,email,name,country,organisation,occupation,language,profile,newsletter_consent,consent_at,consent_source,registered_on,status,disabled_at,external_id,created_at,updated_at
  2,jb@example.cd,Jean-Baptiste Mukendi,CD,Ligue des \xc3\x89lecteurs,other,en,member,no,,,2023-11-02,active,,,2024-09-15T08:30:00Z,2024-09-15T08:30:00Z (esc)
  5,zoe@example.fr,Zo\xc3\xa9 Martin,CD,,other,en,member,no,,,2024-09-15,active,,,2024-09-15T08:30:00Z,2024-09-15T08:30:00Z (esc)
  3,noor@example.org,\xd9\x86\xd9\x88\xd8\xb1 \xd8\xa7\xd9\x84\xd9\x87\xd8\xaf\xd9\x89,CD,,ngo-staff,ar,member,no,,,2024-09-15,active,,u-381,2024-09-15T08:30:00Z,2024-09-15T08:30:00Z (esc)
  $ expeer members list --search ELODIE --format table
  id  name            email              country  language  occupation  status
  4   Élodie Peeters  elodie@example.be  BE       en        researcher  active
  $ expeer members list --search "نور" --format json
  [
    {
      "id": 3,
      "email": "noor@example.org",
      "name": "نور الهدى",
      "country": "CD",
      "organisation": null,
      "occupation": "ngo-staff",
      "language": "ar",
      "profile": "member",
      "newsletter_consent": false,
      "consent_at": null,
      "consent_source": null,
      "registered_on": "2024-09-15",
      "status": "active",
      "disabled_at": null,
      "external_id": "u-381",
      "created_at": "2024-09-15T08:30:00Z",
      "updated_at": "2024-09-15T08:30:00Z"
    }
  ]
  $ expeer members list --organisation electeurs --language en --status active --format csv | cut -d, -f1-3
  id,email,name
  2,jb@example.cd,Jean-Baptiste Mukendi
  $ expeer members list --country Narnia
  expeer: error: country 'Narnia': unknown country
  expeer: nothing was written
  [65]

Without --format, a pipe gets CSV.

  $ expeer members list --language ar | cut -d, -f2
  email
  noor@example.org

Showing one member, by email in any case or by id.

  $ expeer members show AMINA@EXAMPLE.ORG --format table
  id                  1
  email               amina@example.org
  name                Amina Ben Salah
  country             TN
  organisation        -
  occupation          lawyer
  language            fr
  profile             member
  newsletter_consent  yes
  consent_at          2024-09-15T08:30:00Z
  consent_source      form 2024
  registered_on       2024-09-15
  status              active
  disabled_at         -
  external_id         -
  created_at          2024-09-15T08:30:00Z
  updated_at          2024-09-15T08:30:00Z
  $ expeer members show 3 --format json | grep '"email"'
    "email": "noor@example.org",
  $ expeer members show nobody@example.org
  expeer: error: no member with email 'nobody@example.org'
  [67]

Updating changes only what differs; an empty value clears an optional field.

  $ EXPEER_NOW=2024-10-01T12:00:00Z expeer members update jb@example.cd --country Belgique --organisation "" --newsletter yes
  expeer: updated member 2: country, organisation, newsletter consent
  $ expeer members update jb@example.cd --country BE
  expeer: member 2 unchanged
  $ expeer members show 2 --format csv | cut -d, -f4,5,9,10,17
  country,organisation,newsletter_consent,consent_at,updated_at
  BE,,yes,2024-10-01T12:00:00Z,2024-10-01T12:00:00Z

Withdrawing consent is kept in the consent history, with its date and source.

  $ EXPEER_NOW=2024-11-05T07:00:00Z expeer members update amina@example.org --newsletter no --consent-source "reply to the letter"
  expeer: updated member 1: newsletter consent
  $ sql "SELECT at, consent, source FROM consent_events WHERE member_id = 1 ORDER BY id"
  2024-09-15T08:30:00Z|1|form 2024
  2024-11-05T07:00:00Z|0|reply to the letter
  $ expeer members update jb@example.cd --email AMINA@example.org
  expeer: error: email 'AMINA@example.org': is already the address of member 1
  expeer: nothing was written
  [65]

Disabling keeps the member but marks them; it is idempotent.

  $ expeer members disable zoe@example.fr
  expeer: member 5 is now disabled
  $ expeer members disable 5
  expeer: member 5 was already disabled
  $ expeer members list --status disabled --format csv | cut -d, -f2
  email
  zoe@example.fr
  $ expeer members enable zoe@example.fr
  expeer: member 5 is now active

Every change is in the audit log, by id and field name, never with the personal data.

  $ expeer audit list --format table
  id  at                    actor   action          object_type  object_id  details
  1   2024-09-15T08:30:00Z  tester  db.init         database     -          -
  2   2024-09-15T08:30:00Z  tester  member.add      member       1          -
  3   2024-09-15T08:30:00Z  tester  member.add      member       2          -
  4   2024-09-15T08:30:00Z  tester  member.add      member       3          -
  5   2024-09-15T08:30:00Z  tester  member.add      member       4          -
  6   2024-09-15T08:30:00Z  tester  member.add      member       5          -
  7   2024-10-01T12:00:00Z  tester  member.update   member       2          {"fields":["country","organisation","newsletter consent"]}
  8   2024-11-05T07:00:00Z  tester  member.update   member       1          {"fields":["newsletter consent"]}
  9   2024-09-15T08:30:00Z  tester  member.disable  member       5          -
  10  2024-09-15T08:30:00Z  tester  member.enable   member       5          -
  $ expeer --actor coordinator members disable 1
  expeer: member 1 is now disabled
  $ expeer audit list --by coordinator --format csv
  id,at,actor,action,object_type,object_id,details
  11,2024-09-15T08:30:00Z,coordinator,member.disable,member,1,
  $ expeer audit list --action member.update --id 2 --format json
  [
    {
      "id": 7,
      "at": "2024-10-01T12:00:00Z",
      "actor": "tester",
      "action": "member.update",
      "object_type": "member",
      "object_id": "2",
      "details": "{\"fields\":[\"country\",\"organisation\",\"newsletter consent\"]}"
    }
  ]
  $ expeer audit list --object member --id 5 --limit 1 --format csv
  id,at,actor,action,object_type,object_id,details
  10,2024-09-15T08:30:00Z,tester,member.enable,member,5,
  $ sql "SELECT count(*) FROM audit_log WHERE details LIKE '%example%' OR details LIKE '%Ligue%'"
  0
