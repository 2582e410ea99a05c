Spaces and their members, as an admin manages them.

  $ . use-database expeer.db
  $ expeer -q db init
  $ for who in amina:TN jb:CD salma:TN pieter:BE; do expeer -q members add "${who%%:*}@example.org" --name "${who%%:*}" --country "${who##*:}"; done

  $ expeer spaces create justice-transitionnelle --label "Justice transitionnelle" --description "Vérité, réparation, garanties de non-répétition"
  expeer: created space 'justice-transitionnelle'
  $ expeer -q spaces create grands-lacs --label "Grands Lacs" --kind regional
  $ expeer -q spaces create dossier-kivu --label "Dossier Kivu" --access confidential --kind project --parent grands-lacs --default-role reader
  $ expeer -q spaces create migration --label Migration --access on-request --created 2019-03-01

Bad input: nothing is written, every problem named.

  $ expeer spaces create justice-transitionnelle --label Again
  expeer: error: slug 'justice-transitionnelle': is already a space's
  expeer: nothing was written
  [65]
  $ expeer spaces create "Justice Transitionnelle" --label X --access secret --kind thematique --parent nowhere --default-role boss
  expeer: error: slug 'Justice Transitionnelle': must be lower-case letters, digits and single dashes, 64 at most
  expeer: error: access 'secret': must be one of open, on-request, confidential
  expeer: error: kind 'thematique': must be one of thematic, regional, project
  expeer: error: default role 'boss': must be one of reader, contributor, content-manager, space-manager
  expeer: error: parent 'nowhere': no such space
  expeer: nothing was written
  [65]
  $ expeer spaces update grands-lacs --parent dossier-kivu
  expeer: error: parent 'dossier-kivu': is 'grands-lacs' or below it: a space cannot be its own ancestor
  expeer: nothing was written
  [65]
  $ expeer spaces update grands-lacs --parent grands-lacs
  expeer: error: parent 'grands-lacs': is 'grands-lacs' or below it: a space cannot be its own ancestor
  expeer: nothing was written
  [65]
  $ expeer spaces show nowhere
  expeer: error: no space 'nowhere'
  [67]
  $ sql "SELECT count(*) FROM spaces"
  4

Listing, showing, archiving.

  $ expeer spaces list --format table
  slug                     label                    access        kind      parent       archived_on
  dossier-kivu             Dossier Kivu             confidential  project   grands-lacs  -
  grands-lacs              Grands Lacs              open          regional  -            -
  justice-transitionnelle  Justice transitionnelle  open          thematic  -            -
  migration                Migration                on-request    thematic  -            -
  $ expeer spaces archive migration
  expeer: space 'migration' archived
  $ expeer spaces archive migration
  expeer: space 'migration' was already archived
  $ expeer spaces list --format csv | cut -d, -f1
  slug
  dossier-kivu
  grands-lacs
  justice-transitionnelle
  $ expeer spaces list --all --format csv | cut -d, -f1,9
  slug,archived_on
  dossier-kivu,
  grands-lacs,
  justice-transitionnelle,
  migration,2024-09-15
  $ expeer spaces restore migration
  expeer: space 'migration' active
  $ expeer spaces update justice-transitionnelle --description "" --kind thematic
  expeer: updated space 'justice-transitionnelle'
  $ expeer spaces show dossier-kivu --format json
  {
    "slug": "dossier-kivu",
    "label": "Dossier Kivu",
    "access": "confidential",
    "kind": "project",
    "parent": "grands-lacs",
    "public": false,
    "default_role": "reader",
    "created_on": "2024-09-15",
    "archived_on": null,
    "description": null,
    "members": 0,
    "library_bytes": 0
  }

Members: in batches, all or nothing; from a file; copied; one member into many spaces.

  $ printf '# lawyers of the Kivu case\njb@example.org\n\nsalma@example.org\r\n' > kivu.txt
  $ expeer spaces members add dossier-kivu amina@example.org --file kivu.txt
  expeer: 3 added, 0 already members
  $ expeer spaces members add dossier-kivu amina@example.org nobody@example.org 99
  expeer: error: member 'nobody@example.org': no such member
  expeer: error: member '99': no such member
  expeer: nothing was written
  [65]
  $ expeer spaces members add dossier-kivu pieter@example.org --role boss
  expeer: error: role 'boss': must be one of reader, contributor, content-manager, space-manager
  expeer: nothing was written
  [65]
  $ expeer spaces members set-role dossier-kivu space-manager amina@example.org
  expeer: 1 changed, 0 already in that role
  $ expeer spaces members set-role dossier-kivu reader pieter@example.org jb@example.org amina@example.org salma@example.org
  expeer: error: member 'pieter@example.org': is not in space 'dossier-kivu'
  expeer: nothing was written
  [65]
  $ expeer spaces members list dossier-kivu --format table
  member_id  email              name   role           joined_at             left_at
  1          amina@example.org  amina  space-manager  2024-09-15T08:30:00Z  -
  2          jb@example.org     jb     reader         2024-09-15T08:30:00Z  -
  3          salma@example.org  salma  reader         2024-09-15T08:30:00Z  -
  $ EXPEER_NOW=2024-10-01T00:00:00Z expeer spaces members remove dossier-kivu salma@example.org pieter@example.org
  expeer: 1 removed, 1 not members
  $ expeer spaces members list dossier-kivu --all --format csv | cut -d, -f2,4-6
  email,role,joined_at,left_at
  amina@example.org,space-manager,2024-09-15T08:30:00Z,
  jb@example.org,reader,2024-09-15T08:30:00Z,
  salma@example.org,reader,2024-09-15T08:30:00Z,2024-10-01T00:00:00Z
  $ expeer spaces members copy dossier-kivu grands-lacs
  expeer: 2 added, 0 already members
  $ expeer spaces members join pieter@example.org grands-lacs justice-transitionnelle migration
  expeer: 3 spaces joined, 0 already a member
  $ expeer spaces members join pieter@example.org grands-lacs nowhere
  expeer: error: space 'nowhere': no such space
  expeer: nothing was written
  [65]
  $ expeer spaces members list grands-lacs --format csv | cut -d, -f2,4
  email,role
  amina@example.org,space-manager
  jb@example.org,reader
  pieter@example.org,contributor
  $ expeer spaces show grands-lacs --format csv | cut -d, -f11
  members
  3

A member list imported straight into a space.

  $ printf 'email,name,country\nines@example.org,Inès,TN\namina@example.org,amina,TN\n' > new.csv
  $ expeer members import new.csv --space justice-transitionnelle:reader
  new.csv: 2 rows: 1 created, 0 updated, 1 unchanged, 0 skipped, 0 rejected, 2 joined 'justice-transitionnelle'
  $ expeer spaces members list justice-transitionnelle --format csv | cut -d, -f2,4
  email,role
  pieter@example.org,contributor
  ines@example.org,reader
  amina@example.org,reader
  $ expeer members import new.csv --space nowhere
  expeer: error: no space 'nowhere'
  [67]

Every membership change is an activity, and in the audit log by id.

  $ expeer activity list --kind membership --space dossier-kivu --format csv
  at,kind,member_id,space,content
  2024-09-15T08:30:00Z,membership,1,dossier-kivu,joined as reader
  2024-09-15T08:30:00Z,membership,2,dossier-kivu,joined as reader
  2024-09-15T08:30:00Z,membership,3,dossier-kivu,joined as reader
  2024-09-15T08:30:00Z,membership,1,dossier-kivu,now space-manager
  2024-10-01T00:00:00Z,membership,3,dossier-kivu,left
  $ sql "SELECT action, count(*) FROM audit_log WHERE action LIKE 'membership.%' GROUP BY action ORDER BY action"
  membership.add|10
  membership.remove|1
  membership.role|1
  $ sql "SELECT count(*) FROM audit_log WHERE details LIKE '%@%' OR details LIKE '%amina%'"
  0
