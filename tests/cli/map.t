The ExPEERience Map: a coordinator makes a map of Tunisia's governorates, imports the cases a
legal-aid project recorded, looks at the draft, approves it and builds it for the website.

  $ . use-database network.db
  $ expeer -q db init
  $ data="$TESTS_DATA/map" boundaries="$TESTS_DATA/../../templates/map/TN-governorates.geojson"
  $ expeer map create tn-discrimination --country Tunisie --title-fr "Discriminations en Tunisie" \
  >   --title-en "Discrimination in Tunisia" --boundaries "$boundaries" --categories "$data/categories.yaml" \
  >   --attribution "© OpenStreetMap contributors, geoBoundaries (ODbL)"
  expeer: created map 'tn-discrimination' (24 regions, 3 categories), a draft
  $ expeer map list
  slug,country,title_fr,title_en,regions,categories,records,status,approved_at
  tn-discrimination,TN,Discriminations en Tunisie,Discrimination in Tunisia,24,3,0,draft,

The cases, with French headers, governorates by code or by name: all or nothing, and the
same file twice changes nothing.

  $ expeer map import tn-discrimination "$data/cases.csv"
  */cases.csv: 176 records: 176 added, 0 updated, 0 unchanged, 0 rejected; written (glob)
  $ expeer map import tn-discrimination "$data/cases.csv"
  */cases.csv: 176 records: 0 added, 0 updated, 176 unchanged, 0 rejected; nothing to change (glob)

Nothing is built for publication before it is approved; a draft is, marked as such.

  $ expeer map build tn-discrimination --out site
  expeer: error: map 'tn-discrimination' is not approved: look at it with `expeer map build tn-discrimination --draft --out DIR`, then `expeer map approve tn-discrimination`
  [65]
  $ expeer map build tn-discrimination --draft --out draft
  expeer: wrote tn-discrimination.fr.html, tn-discrimination.en.html, tn-discrimination.geojson, tn-discrimination.csv to 'draft' (176 records, * counts not shown): a draft, not for publication (glob)
  $ grep -c "BROUILLON" draft/tn-discrimination.fr.html
  1
  $ expeer map approve tn-discrimination
  expeer: approved map 'tn-discrimination' (176 records, checksum *) (glob)
  $ expeer map build tn-discrimination --out site
  expeer: wrote tn-discrimination.fr.html, tn-discrimination.en.html, tn-discrimination.geojson, tn-discrimination.csv to 'site' (176 records, * counts not shown) (glob)
  $ grep -c "BROUILLON\|DRAFT" site/tn-discrimination.fr.html site/tn-discrimination.en.html
  site/tn-discrimination.fr.html:0
  site/tn-discrimination.en.html:0
  [1]

What it publishes: every governorate, its total or "fewer than 5", nothing that singles out a
case. La Manouba (TN-14, 3 cases) shows only "<5", with no breakdown; the governorates
without cases show 0. The country's total is exact.

  $ head -1 site/tn-discrimination.csv
  region,name_fr,name_en,total,category.gender,category.origin,category.disability,gender.woman,gender.man,gender.non-binary,gender.unknown,status.open,status.in-court,status.decided,status.closed,status.unknown
  $ grep -E "^(TN-14|TN-22|TN)," site/tn-discrimination.csv
  TN-14,La Manouba,La Manouba,<5,,,,,,,,,,,,
  TN-22,Zaghouan,Zaghouan,0,0,0,0,0,0,0,0,0,0,0,0,0
  TN,,,176,* (glob)
  $ grep -c -E "^TN-[0-9]{2}," site/tn-discrimination.csv
  24

No cell anywhere holds a count from 1 to 4, no record id, no note, no day:

  $ cut -d, -f4- site/tn-discrimination.csv | tr ',' '\n' | grep -x -E "[1-4]" | wc -l
  0
  $ grep -c -E "AJ-[0-9]{4}|antenne locale|2024-0[1-8]-[0-9]{2}" site/*.html site/*.geojson site/*.csv
  site/tn-discrimination.en.html:0
  site/tn-discrimination.fr.html:0
  site/tn-discrimination.geojson:0
  site/tn-discrimination.csv:0
  [1]

The pages fetch nothing: no script, no stylesheet, image or font from elsewhere, and the
browser is told so.

  $ grep -c -i -E "<script|<link|src=|url\(http|@import" site/tn-discrimination.fr.html
  0
  [1]
  $ grep -o "Content-Security-Policy\" content=\"[^\"]*\"" site/tn-discrimination.fr.html
  Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"
  $ grep -o '<a href="#TN-61" aria-label="[^"]*"' site/tn-discrimination.en.html
  <a href="#TN-61" aria-label="Sfax: 30 cases"
  $ grep -o "© OpenStreetMap contributors, geoBoundaries (ODbL)" site/tn-discrimination.fr.html
  © OpenStreetMap contributors, geoBoundaries (ODbL)

In a browser (headless Chromium): the 24 governorates are drawn in the legend's colours, each
a link, and choosing Sfax opens its figures beside the map, without a script. La Manouba's
3 cases show only as "fewer than 5", with no breakdown.

  $ browse() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir=$PWD/chromium "$@" 2>/dev/null; }
  $ browse --dump-dom site/tn-discrimination.en.html > dom.html
  $ grep -o '<a href="#TN-[0-9]*"' dom.html | sort -u | wc -l
  24
  $ grep -o '<section class="detail" id="TN-14">.*' dom.html | sed 's:</section>.*::'
  <section class="detail" id="TN-14"><h2>La Manouba</h2><p>Total: fewer than 5</p><p><a href="#">Close</a></p>
  $ browse --screenshot=$PWD/closed.png --window-size=1000,900 site/tn-discrimination.en.html > /dev/null
  $ browse --screenshot=$PWD/sfax.png --window-size=1000,900 "file://$PWD/site/tn-discrimination.en.html#TN-61" > /dev/null
  $ python3 "$TESTS_DATA/../cli/png_colours.py" closed.png '#a63603' '#fdd0a2' '#fff7ec'
  not white: yes
  #a63603 present
  #fdd0a2 present
  #fff7ec missing
  $ python3 "$TESTS_DATA/../cli/png_colours.py" sfax.png '#fff7ec'
  not white: yes
  #fff7ec present

On a phone's width the map and a region's figures are there too, one under the other. (The
window is as tall as the page: headless Chromium leaves white what a jump to a region scrolls
past.)

  $ browse --screenshot=$PWD/phone.png --window-size=390,5000 "file://$PWD/site/tn-discrimination.en.html#TN-61" > /dev/null
  $ python3 "$TESTS_DATA/../cli/png_colours.py" phone.png '#a63603' '#fff7ec'
  not white: yes
  #a63603 present
  #fff7ec present

A change after approval (a record corrected) makes the map a draft again: what goes out is
what was approved.

  $ printf 'id,date,region,category,gender,status\nAJ-0001,2024-08-15,Tunis,origin,woman,open\n' > fix.csv
  $ expeer map import tn-discrimination fix.csv
  fix.csv: 1 records: 0 added, 1 updated, 0 unchanged, 0 rejected; written
  $ expeer map build tn-discrimination --out site
  expeer: error: map 'tn-discrimination' is not approved: look at it with `expeer map build tn-discrimination --draft --out DIR`, then `expeer map approve tn-discrimination`
  [65]

Governorates may be written in Arabic, or as people usually spell them.

  $ printf 'id,date,region,category\nAR-1,2024-03-01,صفاقس,gender\nAR-2,2024-03-02,اريانة,origin\nAR-3,2024-03-03,Kef,gender\n' > arabic.csv
  $ expeer map import tn-discrimination arabic.csv --dry-run
  arabic.csv: 3 records: 3 added, 0 updated, 0 unchanged, 0 rejected; dry run: nothing written

`map update` changes titles, vocabulary or boundaries; a vocabulary without a category that
records use is refused, and nothing changes.

  $ printf -- '- {code: gender, fr: Genre, en: Gender}\n' > fewer.yaml
  $ expeer map update tn-discrimination --categories fewer.yaml
  expeer: error: 120 record(s) have a category the new vocabulary lacks: keep their codes, or import them again with new ones first
  [65]
  $ expeer map update tn-discrimination --title-en "Discrimination cases in Tunisia"
  expeer: updated map 'tn-discrimination', now a draft
  $ expeer map show tn-discrimination --format json | grep -E '"(title_en|categories)"'
    "title_en": "Discrimination cases in Tunisia",
    "categories": 3,

Bad records are each reported with the file, line, field and value, and nothing is written.

  $ cat > bad.csv <<'CSV'
  > id,date,region,category,gender,status
  > B-1,2024-03-01,Narnia,gender,woman,open
  > B-2,2024-03-01,TN-11,torture,woman,open
  > B-3,2024-13-01,TN-11,gender,woman,open
  > B-4,2030-01-01,TN-11,gender,woman,open
  > B-5,2024-03-01,MA-01,gender,woman,open
  > B-1,2024-03-01,TN-11,gender,woman,open
  > B-7,2024-03-01,Sfx,gender,autre,open
  > CSV
  $ expeer map import tn-discrimination bad.csv
  expeer: error: bad.csv:2: region 'Narnia': unknown region
  expeer: error: bad.csv:3: category 'torture': unknown category: use one of gender, origin, disability (or their French or English labels)
  expeer: error: bad.csv:4: date '2024-13-01': must be a day (2024-03-15 or 15/03/2024) or a month (2024-03 or 03/2024)
  expeer: error: bad.csv:5: date '2030-01-01': is in the future (today is 2024-09-15)
  expeer: error: bad.csv:6: region 'MA-01': unknown region
  expeer: error: bad.csv:7: id 'B-1': appears again: first on line 2
  expeer: error: bad.csv:8: region 'Sfx': unknown region (did you mean Sfax (TN-61)?)
  expeer: error: bad.csv:8: gender 'autre': is ambiguous: write non-binary (non binaire) if that is what the person said, or unknown (inconnu)
  bad.csv: 7 records: 0 added, 0 updated, 0 unchanged, 7 rejected; nothing written: fix the rejected lines, or give --skip-invalid
  [65]
  $ expeer map show tn-discrimination --format json | grep '"records"'
    "records": 176,

A column that could identify a person or a place stops the import, as does any column the
map does not know.

  $ printf 'id,date,region,category,nom\nX-1,2024-03-01,TN-11,gender,Amina\n' > names.csv
  $ expeer map import tn-discrimination names.csv
  expeer: error: names.csv:1: the map takes no names, contact details, birth dates, ages, exact places or coordinates: remove the column 'nom'
  [65]
  $ printf 'id,date,region,category,latitude\nX-1,2024-03-01,TN-11,gender,36.8\n' > place.csv
  $ expeer map import tn-discrimination place.csv 2>&1 | grep -c "remove the column 'latitude'"
  1

Boundaries are checked whole: a region of another country, a ring left open, a file without
codes.

  $ cat > open.geojson <<'JSON'
  > {"type": "FeatureCollection", "features": [
  >  {"type": "Feature", "properties": {"shapeISO": "TN-11"}, "geometry": {"type": "Polygon", "coordinates": [[[10.1, 36.7], [10.3, 36.7], [10.3, 36.9], [10.1, 36.9]]]}},
  >  {"type": "Feature", "properties": {"shapeISO": "MA-01"}, "geometry": {"type": "Polygon", "coordinates": [[[10.1, 35.7], [10.3, 35.7], [10.3, 35.9], [10.1, 35.7]]]}},
  >  {"type": "Feature", "properties": {"name": "Sfax"}, "geometry": {"type": "Polygon", "coordinates": [[[10.1, 34.7], [10.3, 34.7], [10.3, 34.9], [10.1, 34.7]]]}}]}
  > JSON
  $ expeer map create other --country TN --title-fr T --title-en T --boundaries open.geojson \
  >   --categories "$data/categories.yaml" --attribution x
  expeer: error: open.geojson features[0] (TN-11) geometry.coordinates[0] '[10.1, 36.7] ... [10.1, 36.9]': the ring is not closed: its last position must repeat the first
  expeer: error: open.geojson features[1] properties.shapeISO 'MA-01': is a region of MA, not of TN
  expeer: error: open.geojson features[2] properties.shapeISO '': missing: each feature needs its region's ISO 3166-2 code (TN-11 to TN-83)
  expeer: nothing was written
  [65]
A governorate drawn somewhere else than Tunisia (here, in France), or with its positions
written [latitude, longitude], is refused too.

  $ cat > elsewhere.geojson <<'JSON'
  > {"type": "FeatureCollection", "features": [
  >  {"type": "Feature", "properties": {"shapeISO": "TN-11"}, "geometry": {"type": "Polygon", "coordinates": [[[2.1, 48.7], [2.3, 48.7], [2.3, 48.9], [2.1, 48.7]]]}},
  >  {"type": "Feature", "properties": {"shapeISO": "TN-61"}, "geometry": {"type": "Polygon", "coordinates": [[[34.7, 10.1], [34.7, 10.3], [34.9, 10.3], [34.7, 10.1]]]}}]}
  > JSON
  $ expeer map create other --country TN --title-fr T --title-en T --boundaries elsewhere.geojson \
  >   --categories "$data/categories.yaml" --attribution x
  expeer: error: elsewhere.geojson features[1] (TN-61) geometry 'lon 34.7..34.9, lat 10.1..10.3': lies outside TN (lon 7.52..11.49, lat 30.3..37.36), but inside once read as [latitude, longitude]: GeoJSON writes [longitude, latitude]
  expeer: error: elsewhere.geojson features[0] (TN-11) geometry 'lon 2.1..2.3, lat 48.7..48.9': lies outside TN (lon 7.52..11.49, lat 30.3..37.36)
  expeer: nothing was written
  [65]
  $ expeer map list --format json | grep -c '"slug"'
  1

The map and its records are in the backup, and come back with it.

  $ expeer -q backup create backup.tar.gz
  $ (. use-database restored.db && expeer -q backup restore "$PWD/backup.tar.gz" && expeer map list --format csv | cut -d, -f1,7,8)
  slug,records,status
  tn-discrimination,176,draft

Deleting a map takes its records with it, and leaves nothing of them in the database's files.

  $ expeer map delete tn-discrimination
  expeer: would delete map 'tn-discrimination' and its 176 records: run again with --yes
  $ expeer map delete tn-discrimination --yes
  expeer: deleted map 'tn-discrimination' and its 176 records
  $ database-bytes | LC_ALL=C grep -c -a -F "antenne locale"
  0
  [1]
  $ expeer audit list --format csv | cut -d, -f4,6 | grep map
  map.create,tn-discrimination
  map.import,tn-discrimination
  map.approve,tn-discrimination
  map.import,tn-discrimination
  map.update,tn-discrimination
  map.delete,tn-discrimination
