Who may do what in a space follows its roles: a reader reads, a contributor posts, comments
and adds files, a content manager moderates, a space manager manages the members.

  $ . use-database expeer.db
  $ expeer -q db init
  $ for who in amina jb salma pieter; do expeer -q members add $who@example.org --name $who; done
  $ expeer -q spaces create sahel --label Sahel
  $ expeer -q spaces create dossier-kivu --label "Dossier Kivu" --access confidential
  $ expeer -q spaces members add sahel amina@example.org --role contributor
  $ expeer -q spaces members add sahel jb@example.org --role reader
  $ expeer -q spaces members add dossier-kivu salma@example.org --role content-manager
  $ echo "pièce" > piece.txt

A non-member posts nothing and adds no file to a confidential space; nothing is written.

  $ expeer news post dossier-kivu --title "Fuite" --body "x" --as pieter@example.org
  expeer: error: 'pieter@example.org' may not post news in space 'dossier-kivu': not a member of it; that needs the role contributor
  [77]
  $ expeer library add dossier-kivu piece.txt --as pieter@example.org
  expeer: error: 'pieter@example.org' may not add files in space 'dossier-kivu': not a member of it; that needs the role contributor
  [77]
  $ expeer library import dossier-kivu piece.txt --as pieter@example.org
  expeer: error: 'pieter@example.org' may not add files in space 'dossier-kivu': not a member of it; that needs the role contributor
  [77]

A reader of an open space reads it and posts nothing; a non-member of an open space reads
it too (anyone may join it), and must join before posting.

  $ expeer news post sahel --title "Lecteur" --body "x" --as jb@example.org
  expeer: error: 'jb@example.org' may not post news in space 'sahel': their role there is reader; that needs the role contributor
  [77]
  $ expeer news post sahel --title "Hors" --body "x" --as pieter@example.org
  expeer: error: 'pieter@example.org' may not post news in space 'sahel': not a member of it; that needs the role contributor
  [77]
  $ expeer news list --format csv
  id,posted_at,space,author,title,comments,body,edited_at
  $ sql "SELECT count(*) FROM news; SELECT count(*) FROM activities WHERE kind <> 'membership'; SELECT count(*) FROM library_files"
  0
  0
  0

A contributor posts, comments and adds files; a reader comments on nothing.

  $ expeer news post sahel --title "Audience du 12" --body "Compte rendu." --as amina@example.org
  expeer: posted news 1
  $ expeer news comment 1 --body "Merci" --as jb@example.org
  expeer: error: 'jb@example.org' may not comment in space 'sahel': their role there is reader; that needs the role contributor
  [77]
  $ expeer news comment 1 --body "Suite demain." --as amina@example.org
  expeer: added comment 1
  $ expeer -q library add sahel piece.txt --as amina@example.org

Edit, delete and show: the author changes their own; a reader changes nothing; another
contributor changes nothing of the author's; a content manager moderates.

  $ expeer -q spaces members add sahel salma@example.org --role content-manager
  $ expeer -q spaces members add sahel pieter@example.org --role contributor
  $ expeer news edit 1 --title "Audience du 12 mars" --as amina@example.org
  expeer: edited news 1
  $ expeer news edit 1 --title "Vandalisme" --as pieter@example.org
  expeer: error: 'pieter@example.org' may not edit news 1 of another member in space 'sahel': their role there is contributor; that needs the role content-manager
  [77]
  $ expeer news edit 1 --title "Vandalisme" --as jb@example.org
  expeer: error: 'jb@example.org' may not edit news 1 of another member in space 'sahel': their role there is reader; that needs the role content-manager
  [77]
  $ expeer news comments edit 1 --body "Suite demain matin." --as salma@example.org
  expeer: edited comment 1
  $ expeer news comments delete 1 --as pieter@example.org
  expeer: error: 'pieter@example.org' may not delete comment 1 of another member in space 'sahel': their role there is contributor; that needs the role content-manager
  [77]
  $ expeer news show 1 --format json
  {
    "id": 1,
    "posted_at": "2024-09-15T08:30:00Z",
    "space": "sahel",
    "author": "amina",
    "title": "Audience du 12 mars",
    "comments": 1,
    "body": "Compte rendu.",
    "edited_at": "2024-09-15T08:30:00Z"
  }
  $ expeer news comments list 1 --format json
  [
    {
      "id": 1,
      "news": 1,
      "posted_at": "2024-09-15T08:30:00Z",
      "author": "amina",
      "body": "Suite demain matin.",
      "edited_at": "2024-09-15T08:30:00Z"
    }
  ]
  $ expeer news comments show 1 --format csv
  id,news,posted_at,author,body,edited_at
  1,1,2024-09-15T08:30:00Z,amina,Suite demain matin.,2024-09-15T08:30:00Z
  $ expeer news show 1 --as pieter@example.org --format csv
  id,posted_at,space,author,title,comments,body,edited_at
  1,2024-09-15T08:30:00Z,sahel,amina,Audience du 12 mars,1,Compte rendu.,2024-09-15T08:30:00Z
  $ expeer -q library rm sahel piece.txt --as pieter@example.org
  expeer: error: 'pieter@example.org' may not remove files another member added to in space 'sahel': their role there is contributor; that needs the role content-manager
  [77]
  $ expeer -q library mv sahel piece.txt pieces/piece.txt --as amina@example.org

Nothing confidential is read by someone outside the space.

  $ expeer -q news post dossier-kivu --title "Témoin" --body "x" --as salma@example.org
  $ expeer news show 2 --as amina@example.org
  expeer: error: 'amina@example.org' may not read news 2 in space 'dossier-kivu': not a member of it; that needs the role reader
  [77]
  $ expeer news comments list 2 --as amina@example.org
  expeer: error: 'amina@example.org' may not read the comments of news 2 in space 'dossier-kivu': not a member of it; that needs the role reader
  [77]
  $ expeer news list --as amina@example.org --format csv
  id,posted_at,space,author,title,comments,body,edited_at
  1,2024-09-15T08:30:00Z,sahel,amina,Audience du 12 mars,1,Compte rendu.,2024-09-15T08:30:00Z
  $ expeer news list --as salma@example.org --format csv
  id,posted_at,space,author,title,comments,body,edited_at
  2,2024-09-15T08:30:00Z,dossier-kivu,salma,T\xc3\xa9moin,0,x, (esc)
  1,2024-09-15T08:30:00Z,sahel,amina,Audience du 12 mars,1,Compte rendu.,2024-09-15T08:30:00Z

Someone must act: neither --as nor --as-admin is a usage error.

  $ expeer news delete 1
  expeer: error: who may delete news 1 of another member in space 'sahel'? name them with --as MEMBER, or act as an administrator with --as-admin
  [64]
  $ expeer library rm sahel pieces/piece.txt
  expeer: error: who may remove files another member added to in space 'sahel'? name them with --as MEMBER, or act as an administrator with --as-admin
  [64]

--as-admin lifts a refusal about roles, and the audit log says so; it does not make a
disabled member write.

  $ expeer news post dossier-kivu --title "Note" --body "x" --as pieter@example.org --as-admin
  expeer: posted news 3
  $ expeer news delete 1 --as-admin
  expeer: deleted news 1 and its 1 comment
  $ expeer audit list --action news. --format csv
  id,at,actor,action,object_type,object_id,details
  11,2024-09-15T08:30:00Z,tester,news.post,news,1,"{""as"":1}"
  12,2024-09-15T08:30:00Z,tester,news.comment,comment,1,"{""as"":1}"
  16,2024-09-15T08:30:00Z,tester,news.edit,news,1,"{""as"":1,""fields"":[""title""]}"
  19,2024-09-15T08:30:00Z,tester,news.post,news,2,"{""as"":3}"
  20,2024-09-15T08:30:00Z,tester,news.post,news,3,"{""as"":4,""override"":""as-admin""}"
  21,2024-09-15T08:30:00Z,tester,news.delete,news,1,"{""author"":1,""comments"":1,""override"":""as-admin"",""space"":1}"
  $ expeer -q members disable jb@example.org
  $ expeer news comment 3 --body "x" --as jb@example.org --as-admin
  expeer: error: 'jb@example.org' may not comment in space 'dossier-kivu': the member is disabled
  [77]

An archived space's content is read, not changed.

  $ expeer -q spaces archive sahel
  $ expeer news post sahel --title "Après" --body "x" --as amina@example.org
  expeer: error: space 'sahel': is archived: its content can be read, not changed
  expeer: nothing was written
  [65]
  $ expeer library add sahel piece.txt --as amina@example.org
  expeer: error: space 'sahel': is archived: its content can be read, not changed
  expeer: nothing was written
  [65]

A space manager manages the members; a content manager does not. Without --as, the
administrator running expeer does, as before.

  $ expeer spaces members add dossier-kivu amina@example.org --as salma@example.org
  expeer: error: 'salma@example.org' may not manage members in space 'dossier-kivu': their role there is content-manager; that needs the role space-manager
  [77]
  $ expeer -q spaces members set-role dossier-kivu space-manager salma@example.org
  $ expeer -q spaces members add dossier-kivu amina@example.org --role reader --as salma@example.org
  $ expeer audit list --action membership. --format csv | tail -n 2
  24,2024-09-15T08:30:00Z,tester,membership.role,space,2,"{""member"":3}"
  25,2024-09-15T08:30:00Z,tester,membership.add,space,2,"{""as"":3,""member"":1}"
