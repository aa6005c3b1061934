import { defineMigration } from '../../kit/migrations';

// Generated from the entities; add data moves by hand below the DDL when a change needs them.
export default defineMigration('20261122190413-add-daily-stats', {
  "sqlite": [
    "create table `dossier_daily_stats` (`unit_id` text not null, `day` text not null, `district_id` text null, `total` integer not null, `submitted_online` integer not null, `completed` integer not null, `completed_on_time` integer not null, `with_electronic_result` integer not null, `digitized` integer not null, `synced_to_national_portal` integer not null, `paying` integer not null, `paid_online` integer not null, primary key (`unit_id`, `day`))",
    "create index `dossier_daily_stats_day_idx` on `dossier_daily_stats` (`day`)",
    "create index `dossier_daily_stats_district_day_idx` on `dossier_daily_stats` (`district_id`, `day`)",
    "create table `seed_run` (`store` text not null, `scale` double not null, `seeded_at` text not null, `table_rows` text not null, primary key (`store`))",
    "drop index `dossier_unit_submitted_stats_idx`",
    "drop index `dossier_district_submitted_stats_idx`",
    "drop index `dossier_submitted_stats_idx`",
    "create index `dossier_submitted_idx` on `dossier` (`submitted_at`)",
    "create index `dossier_district_submitted_idx` on `dossier` (`receiving_district_id`, `submitted_at`)",
    "create index `dossier_unit_submitted_idx` on `dossier` (`receiving_unit_id`, `submitted_at`)",
    // data move (by hand): an upgraded database's dossiers get their roll-up
    "insert into dossier_daily_stats (unit_id, day, district_id, total, submitted_online, completed, completed_on_time, with_electronic_result, digitized, synced_to_national_portal, paying, paid_online) select d.receiving_unit_id, date(d.submitted_at, '+7 hours'), max(d.receiving_district_id), COUNT(*), SUM(CASE WHEN d.channel = 'ONLINE' THEN 1 ELSE 0 END), SUM(CASE WHEN d.status = 'COMPLETED' THEN 1 ELSE 0 END), SUM(CASE WHEN d.status = 'COMPLETED' AND d.completed_at <= d.due_at THEN 1 ELSE 0 END), SUM(CASE WHEN d.status = 'COMPLETED' AND d.electronic_result THEN 1 ELSE 0 END), SUM(CASE WHEN d.digitized THEN 1 ELSE 0 END), SUM(CASE WHEN d.synced_to_national_portal THEN 1 ELSE 0 END), SUM(CASE WHEN d.payment_method <> 'NONE' THEN 1 ELSE 0 END), SUM(CASE WHEN d.payment_method = 'ONLINE' THEN 1 ELSE 0 END) from dossier d group by d.receiving_unit_id, date(d.submitted_at, '+7 hours')"
  ],
  "postgresql": [
    "create table \"__schema__\".\"dossier_daily_stats\" (\"unit_id\" varchar(10) not null, \"day\" varchar(10) not null, \"district_id\" varchar(10) null, \"total\" int not null, \"submitted_online\" int not null, \"completed\" int not null, \"completed_on_time\" int not null, \"with_electronic_result\" int not null, \"digitized\" int not null, \"synced_to_national_portal\" int not null, \"paying\" int not null, \"paid_online\" int not null, constraint \"dossier_daily_stats_pkey\" primary key (\"unit_id\", \"day\"))",
    "create index \"dossier_daily_stats_day_idx\" on \"__schema__\".\"dossier_daily_stats\" (\"day\")",
    "create index \"dossier_daily_stats_district_day_idx\" on \"__schema__\".\"dossier_daily_stats\" (\"district_id\", \"day\")",
    "create table \"__schema__\".\"seed_run\" (\"store\" varchar(32) not null, \"scale\" double precision not null, \"seeded_at\" varchar(24) not null, \"table_rows\" text not null, constraint \"seed_run_pkey\" primary key (\"store\"))",
    "drop index \"__schema__\".\"dossier_district_submitted_stats_idx\"",
    "drop index \"__schema__\".\"dossier_submitted_stats_idx\"",
    "drop index \"__schema__\".\"dossier_unit_submitted_stats_idx\"",
    "create index \"dossier_submitted_idx\" on \"__schema__\".\"dossier\" (\"submitted_at\")",
    "create index \"dossier_district_submitted_idx\" on \"__schema__\".\"dossier\" (\"receiving_district_id\", \"submitted_at\")",
    "create index \"dossier_unit_submitted_idx\" on \"__schema__\".\"dossier\" (\"receiving_unit_id\", \"submitted_at\")",
    // data move (by hand): an upgraded database's dossiers get their roll-up
    "insert into \"__schema__\".dossier_daily_stats (unit_id, day, district_id, total, submitted_online, completed, completed_on_time, with_electronic_result, digitized, synced_to_national_portal, paying, paid_online) select d.receiving_unit_id, to_char(d.submitted_at::timestamptz at time zone 'UTC' + interval '7 hours', 'YYYY-MM-DD'), max(d.receiving_district_id), COUNT(*), SUM(CASE WHEN d.channel = 'ONLINE' THEN 1 ELSE 0 END), SUM(CASE WHEN d.status = 'COMPLETED' THEN 1 ELSE 0 END), SUM(CASE WHEN d.status = 'COMPLETED' AND d.completed_at <= d.due_at THEN 1 ELSE 0 END), SUM(CASE WHEN d.status = 'COMPLETED' AND d.electronic_result THEN 1 ELSE 0 END), SUM(CASE WHEN d.digitized THEN 1 ELSE 0 END), SUM(CASE WHEN d.synced_to_national_portal THEN 1 ELSE 0 END), SUM(CASE WHEN d.payment_method <> 'NONE' THEN 1 ELSE 0 END), SUM(CASE WHEN d.payment_method = 'ONLINE' THEN 1 ELSE 0 END) from \"__schema__\".dossier d group by d.receiving_unit_id, to_char(d.submitted_at::timestamptz at time zone 'UTC' + interval '7 hours', 'YYYY-MM-DD')"
  ]
});
