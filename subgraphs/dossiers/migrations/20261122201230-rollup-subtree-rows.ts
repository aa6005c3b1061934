import { defineMigration } from '../../kit/migrations';

// Generated from the entities; add data moves by hand below the DDL when a change needs them.
export default defineMigration('20261122201230-rollup-subtree-rows', {
  "sqlite": [
    "drop index `dossier_daily_stats_district_day_idx`",
    "drop index `dossier_daily_stats_day_idx`",
    // data move (by hand): subtree rows of the districts and the province, from the units' own rows
    "delete from dossier_daily_stats where unit_id like 'subtree:%'",
    "insert into dossier_daily_stats (unit_id, day, district_id, total, submitted_online, completed, completed_on_time, with_electronic_result, digitized, synced_to_national_portal, paying, paid_online) select 'subtree:' || district_id, day, null, SUM(total), SUM(submitted_online), SUM(completed), SUM(completed_on_time), SUM(with_electronic_result), SUM(digitized), SUM(synced_to_national_portal), SUM(paying), SUM(paid_online) from dossier_daily_stats where district_id is not null and unit_id not like 'subtree:%' group by district_id, day",
    "insert into dossier_daily_stats (unit_id, day, district_id, total, submitted_online, completed, completed_on_time, with_electronic_result, digitized, synced_to_national_portal, paying, paid_online) select 'subtree:74', day, null, SUM(total), SUM(submitted_online), SUM(completed), SUM(completed_on_time), SUM(with_electronic_result), SUM(digitized), SUM(synced_to_national_portal), SUM(paying), SUM(paid_online) from dossier_daily_stats where unit_id not like 'subtree:%' group by day"
  ],
  "postgresql": [
    "drop index \"__schema__\".\"dossier_daily_stats_day_idx\"",
    "drop index \"__schema__\".\"dossier_daily_stats_district_day_idx\"",
    "alter table \"__schema__\".\"dossier_daily_stats\" alter column \"unit_id\" type varchar(20) using (\"unit_id\"::varchar(20))",
    // data move (by hand): subtree rows of the districts and the province, from the units' own rows
    "delete from \"__schema__\".dossier_daily_stats where unit_id like 'subtree:%'",
    "insert into \"__schema__\".dossier_daily_stats (unit_id, day, district_id, total, submitted_online, completed, completed_on_time, with_electronic_result, digitized, synced_to_national_portal, paying, paid_online) select 'subtree:' || district_id, day, null, SUM(total), SUM(submitted_online), SUM(completed), SUM(completed_on_time), SUM(with_electronic_result), SUM(digitized), SUM(synced_to_national_portal), SUM(paying), SUM(paid_online) from \"__schema__\".dossier_daily_stats where district_id is not null and unit_id not like 'subtree:%' group by district_id, day",
    "insert into \"__schema__\".dossier_daily_stats (unit_id, day, district_id, total, submitted_online, completed, completed_on_time, with_electronic_result, digitized, synced_to_national_portal, paying, paid_online) select 'subtree:74', day, null, SUM(total), SUM(submitted_online), SUM(completed), SUM(completed_on_time), SUM(with_electronic_result), SUM(digitized), SUM(synced_to_national_portal), SUM(paying), SUM(paid_online) from \"__schema__\".dossier_daily_stats where unit_id not like 'subtree:%' group by day"
  ]
});
