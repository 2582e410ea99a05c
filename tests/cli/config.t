Configuration: files, environment and flags, and where each value came from.

  $ mkdir -p home/.config/expeer etc
  $ export XDG_CONFIG_HOME=$PWD/home/.config EXPEER_SYSTEM_CONFIG=$PWD/etc/config.yaml
  $ cat > etc/config.yaml <<'YAML'
  > database: /srv/expeer/system.db
  > busy_timeout_ms: 5000
  > YAML
  $ cat > home/.config/expeer/config.yaml <<'YAML'
  > # the coordinator's own settings
  > members:
  >   default_language: fr
  > busy_timeout_ms: 8000
  > YAML
The templates' directory is set here: its default is where this source tree
lies, and a longer path would widen the value column.

  $ export EXPEER_TEMPLATES_DIR=/usr/share/expeer/templates
  $ EXPEER_ACTOR=cron expeer config show --origin --format table
  key                            value                        origin
  database                       /srv/expeer/system.db        */etc/config.yaml:1 (glob)
  busy_timeout_ms                8000                         */home/.config/expeer/config.yaml:4 (glob)
  actor                          cron                         environment EXPEER_ACTOR
  members.default_language       fr                           */home/.config/expeer/config.yaml:3 (glob)
  members.email_local_part       fold                         default
  files_dir                      -                            default
  erasures_file                  -                            default
  library.quota_mb               0                            default
  library.max_files              50000                        default
  library.max_archive_entries    10000                        default
  library.max_file_mb            500                          default
  library.max_archive_mb         5000                         default
  library.max_compression_ratio  100                          default
  stats.time_zone                UTC                          default
  stats.year_starts              1                            default
  stats.active_kinds             news,comment,file,login      default
  stats.test_accounts            -                            default
  stats.min_cell                 5                            default
  stats.sensitive_countries      -                            default
  stats.map_classes              1,19,35                      default
  stats.top_countries            9                            default
  letter.dir                     -                            default
  letter.from                    -                            default
  letter.from_name               The ExPEERience Letter       default
  letter.from_name_fr            -                            default
  letter.from_name_en            -                            default
  letter.archive_url             -                            default
  letter.list_id                 -                            default
  letter.unsubscribe_mailto      -                            default
  letter.unsubscribe_url         -                            default
  letter.token_secret            -                            default
  letter.bounce_address          -                            default
  letter.bounce_hard_limit       1                            default
  letter.bounce_soft_limit       5                            default
  letter.bounce_password         -                            default
  letter.bounce_password_file    -                            default
  letter.fallback_language       en                           default
  letter.connections             4                            default
  letter.per_second              0                            default
  letter.per_hour                0                            default
  letter.max_error_percent       10                           default
  letter.max_attempts            3                            default
  smtp.url                       smtp://localhost:25          default
  smtp.user                      -                            default
  smtp.password                  -                            default
  smtp.password_file             -                            default
  smtp.timeout_seconds           60                           default
  platform.url                   -                            default
  platform.login                 -                            default
  platform.api_key               -                            default
  platform.api_key_file          -                            default
  platform.invite                false                        default
  platform.spaces                -                            default
  platform.timeout_seconds       30                           default
  platform.retries               4                            default
  platform.retry_delay_ms        1000                         default
  platform.page_size             500                          default
  platform.insecure_http         false                        default
  platform.ca_file               -                            default
  templates_dir                  /usr/share/expeer/templates  environment EXPEER_TEMPLATES_DIR
  iso_codes_dir                  /usr/share/iso-codes/json    default
  locale_dir                     /usr/share/locale            default
  $ printf 'database: %s/given.db\n' "$PWD" > given.yaml
  $ EXPEER_DB=$PWD/env.db expeer --config given.yaml config show --origin --format csv | grep database
  database,*/env.db,environment EXPEER_DB (glob)
  $ EXPEER_DB=$PWD/env.db expeer --config given.yaml --db flag.db config show --origin --format json | head -6
  [
    {
      "key": "database",
      "value": "flag.db",
      "origin": "command line --db"
    },

The configured default language is given to new members.

  $ . use-database expeer.db
  $ expeer -q db init && expeer -q members add a@example.org --name A && expeer members show 1 --format csv | cut -d, -f7
  language
  fr

Mistakes name the file, the line and the key.

  $ printf 'database: /x.db\nmembers:\n  default_langage: fr\n' > typo.yaml
  $ expeer --config typo.yaml config show
  expeer: error: typo.yaml:3: unknown key 'members.default_langage'
  [78]
  $ printf 'busy_timeout_ms: soon\n' > type.yaml
  $ expeer --config type.yaml members list
  expeer: error: type.yaml:1: 'busy_timeout_ms' must be a whole number, not 'soon'
  [78]
  $ printf 'database: [unclosed\n' > broken.yaml
  $ expeer --config broken.yaml config show 2>&1 | sed 's/: .*/: .../'
  expeer: ...
  $ expeer --config broken.yaml config show > /dev/null 2>&1
  [78]
  $ EXPEER_MEMBERS_DEFAULT_LANGUAGE=klingon expeer config show
  expeer: error: environment EXPEER_MEMBERS_DEFAULT_LANGUAGE: 'members.default_language' must be one of fr, en, ar, pt, de, es, not 'klingon'
  [78]
  $ expeer --config missing.yaml config show
  expeer: error: --config: File does not exist: missing.yaml
  run 'expeer config show --help' for usage
  [64]
