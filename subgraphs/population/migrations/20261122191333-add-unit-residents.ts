import { defineMigration } from '../../kit/migrations';

// Generated from the entities; add data moves by hand below the DDL when a change needs them.
export default defineMigration('20261122191333-add-unit-residents', {
  "sqlite": [
    "create table `seed_run` (`store` text not null, `scale` double not null, `seeded_at` text not null, `table_rows` text not null, primary key (`store`))",
    "create table `unit_residents` (`unit_id` text not null, `residents` integer not null, primary key (`unit_id`))",
    // data move (by hand): an upgraded database's citizens get their roll-up
    "insert into unit_residents (unit_id, residents) select residence_id, count(*) from citizen group by residence_id",
    "insert into unit_residents (unit_id, residents) select district_id, count(*) from citizen group by district_id",
    "insert into unit_residents (unit_id, residents) select residence_2025_id, count(*) from citizen where residence_2025_id is not null group by residence_2025_id",
    "insert into unit_residents (unit_id, residents) select '74', count(*) from citizen having count(*) > 0",
    "insert into unit_residents (unit_id, residents) select '79', count(*) from citizen where residence_2025_id is not null having count(*) > 0"
  ],
  "postgresql": [
    "create table \"__schema__\".\"seed_run\" (\"store\" varchar(32) not null, \"scale\" double precision not null, \"seeded_at\" varchar(24) not null, \"table_rows\" text not null, constraint \"seed_run_pkey\" primary key (\"store\"))",
    "create table \"__schema__\".\"unit_residents\" (\"unit_id\" varchar(32) not null, \"residents\" int not null, constraint \"unit_residents_pkey\" primary key (\"unit_id\"))",
    // data move (by hand): an upgraded database's citizens get their roll-up
    "insert into \"__schema__\".unit_residents (unit_id, residents) select residence_id, count(*) from \"__schema__\".citizen group by residence_id",
    "insert into \"__schema__\".unit_residents (unit_id, residents) select district_id, count(*) from \"__schema__\".citizen group by district_id",
    "insert into \"__schema__\".unit_residents (unit_id, residents) select residence_2025_id, count(*) from \"__schema__\".citizen where residence_2025_id is not null group by residence_2025_id",
    "insert into \"__schema__\".unit_residents (unit_id, residents) select '74', count(*) from \"__schema__\".citizen having count(*) > 0",
    "insert into \"__schema__\".unit_residents (unit_id, residents) select '79', count(*) from \"__schema__\".citizen where residence_2025_id is not null having count(*) > 0"
  ]
});
