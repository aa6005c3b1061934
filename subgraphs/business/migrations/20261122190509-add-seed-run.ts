import { defineMigration } from '../../kit/migrations';

// Generated from the entities; add data moves by hand below the DDL when a change needs them.
export default defineMigration('20261122190509-add-seed-run', {
  "sqlite": [
    "create table `seed_run` (`store` text not null, `scale` double not null, `seeded_at` text not null, `table_rows` text not null, primary key (`store`))"
  ],
  "postgresql": [
    "create table \"__schema__\".\"seed_run\" (\"store\" varchar(32) not null, \"scale\" double precision not null, \"seeded_at\" varchar(24) not null, \"table_rows\" text not null, constraint \"seed_run_pkey\" primary key (\"store\"))"
  ]
});
