import { defineMigration } from '../../../subgraphs/kit/migrations';

// Generated from the entities; add data moves by hand below the DDL when a change needs them.
export default defineMigration('20261207162042-add-grant-acts-for', {
  "sqlite": [
    "alter table `access_grant` add column `acts_for` text not null default '[]'"
  ],
  "postgresql": [
    "alter table \"__schema__\".\"access_grant\" add column \"acts_for\" text not null default '[]'"
  ]
});
