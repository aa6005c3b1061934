import { defineMigration } from '../../kit/migrations';

// The July 2025 reorganisation. DDL generated from the entities (`npm run migration:create`),
// and between the columns and the index, by hand, the data moves that bring a database seeded
// before this migration to what the seed now writes: the units in force from 2025-07-01, and
// each household's and resident's commune from that date (seed/residence-2025.ts).
// The lists are frozen here (from subgraphs/kit/data/binhduong-units-2025.csv) so that this
// migration does the same thing whatever the code becomes; a test checks them against the kit.

const COLUMNS = {
  sqlite: ['alter table `citizen` add column `residence_2025_id` text null', 'alter table `household` add column `residence_2025_id` text null'],
  postgresql: [
    'alter table "__schema__"."citizen" add column "residence_2025_id" varchar(32) null',
    'alter table "__schema__"."household" add column "residence_2025_id" varchar(32) null',
  ],
};
/** Built after the data moves: filling an indexed column row by row is slower. */
const INDEX = {
  sqlite: ['create index `citizen_residence_2025_id_id_index` on `citizen` (`residence_2025_id`, `id`)'],
  postgresql: ['create index "citizen_residence_2025_id_id_index" on "__schema__"."citizen" ("residence_2025_id", "id")'],
};

/** Ho Chi Minh City and its 36 communes from 2025-07-01: id, code, name, level, parent_id, commune_type. */
export const UNITS_2025: readonly (readonly [string, string, string, string, string | null, string | null])[] = [
  ['79', '79', 'Thành phố Hồ Chí Minh', 'PROVINCE', null, null],
  ['25747@2025-07-01', '25747', 'Phường Thủ Dầu Một', 'COMMUNE', '79', 'phuong'],
  ['25750@2025-07-01', '25750', 'Phường Phú Lợi', 'COMMUNE', '79', 'phuong'],
  ['25760@2025-07-01', '25760', 'Phường Bình Dương', 'COMMUNE', '79', 'phuong'],
  ['25768@2025-07-01', '25768', 'Phường Phú An', 'COMMUNE', '79', 'phuong'],
  ['25771@2025-07-01', '25771', 'Phường Chánh Hiệp', 'COMMUNE', '79', 'phuong'],
  ['25777@2025-07-01', '25777', 'Xã Dầu Tiếng', 'COMMUNE', '79', 'xa'],
  ['25780@2025-07-01', '25780', 'Xã Minh Thạnh', 'COMMUNE', '79', 'xa'],
  ['25792@2025-07-01', '25792', 'Xã Long Hòa', 'COMMUNE', '79', 'xa'],
  ['25807@2025-07-01', '25807', 'Xã Thanh An', 'COMMUNE', '79', 'xa'],
  ['25813@2025-07-01', '25813', 'Phường Bến Cát', 'COMMUNE', '79', 'phuong'],
  ['25819@2025-07-01', '25819', 'Xã Trừ Văn Thố', 'COMMUNE', '79', 'xa'],
  ['25822@2025-07-01', '25822', 'Xã Bàu Bàng', 'COMMUNE', '79', 'xa'],
  ['25837@2025-07-01', '25837', 'Phường Chánh Phú Hòa', 'COMMUNE', '79', 'phuong'],
  ['25840@2025-07-01', '25840', 'Phường Long Nguyên', 'COMMUNE', '79', 'phuong'],
  ['25843@2025-07-01', '25843', 'Phường Tây Nam', 'COMMUNE', '79', 'phuong'],
  ['25846@2025-07-01', '25846', 'Phường Thới Hòa', 'COMMUNE', '79', 'phuong'],
  ['25849@2025-07-01', '25849', 'Phường Hòa Lợi', 'COMMUNE', '79', 'phuong'],
  ['25858@2025-07-01', '25858', 'Xã Phú Giáo', 'COMMUNE', '79', 'xa'],
  ['25864@2025-07-01', '25864', 'Xã Phước Thành', 'COMMUNE', '79', 'xa'],
  ['25867@2025-07-01', '25867', 'Xã An Long', 'COMMUNE', '79', 'xa'],
  ['25882@2025-07-01', '25882', 'Xã Phước Hòa', 'COMMUNE', '79', 'xa'],
  ['25888@2025-07-01', '25888', 'Phường Tân Uyên', 'COMMUNE', '79', 'phuong'],
  ['25891@2025-07-01', '25891', 'Phường Tân Khánh', 'COMMUNE', '79', 'phuong'],
  ['25906@2025-07-01', '25906', 'Xã Bắc Tân Uyên', 'COMMUNE', '79', 'xa'],
  ['25909@2025-07-01', '25909', 'Xã Thường Tân', 'COMMUNE', '79', 'xa'],
  ['25912@2025-07-01', '25912', 'Phường Vĩnh Tân', 'COMMUNE', '79', 'phuong'],
  ['25915@2025-07-01', '25915', 'Phường Bình Cơ', 'COMMUNE', '79', 'phuong'],
  ['25920@2025-07-01', '25920', 'Phường Tân Hiệp', 'COMMUNE', '79', 'phuong'],
  ['25942@2025-07-01', '25942', 'Phường Dĩ An', 'COMMUNE', '79', 'phuong'],
  ['25945@2025-07-01', '25945', 'Phường Tân Đông Hiệp', 'COMMUNE', '79', 'phuong'],
  ['25951@2025-07-01', '25951', 'Phường Đông Hòa', 'COMMUNE', '79', 'phuong'],
  ['25966@2025-07-01', '25966', 'Phường Lái Thiêu', 'COMMUNE', '79', 'phuong'],
  ['25969@2025-07-01', '25969', 'Phường Thuận Giao', 'COMMUNE', '79', 'phuong'],
  ['25975@2025-07-01', '25975', 'Phường An Phú', 'COMMUNE', '79', 'phuong'],
  ['25978@2025-07-01', '25978', 'Phường Thuận An', 'COMMUNE', '79', 'phuong'],
  ['25987@2025-07-01', '25987', 'Phường Bình Hòa', 'COMMUNE', '79', 'phuong'],
];

/** Old commune → the codes of the new communes that took its area, in id order. */
export const SUCCESSOR_CODES: Readonly<Record<string, string>> = {
  '25741': '25747 25750', '25744': '25750', '25747': '25747', '25750': '25750', '25753': '25747', '25756': '25747',
  '25759': '25771', '25760': '25760', '25762': '25760', '25763': '25760', '25765': '25768', '25768': '25768 25771',
  '25771': '25771', '25774': '25747 25771', '25777': '25777', '25780': '25780', '25783': '25780 25792', '25786': '25780 25792',
  '25789': '25777', '25792': '25792', '25795': '25777', '25798': '25777 25807', '25801': '25807 25843', '25804': '25792',
  '25807': '25807', '25810': '25807 25843', '25813': '25813 25840', '25816': '25819', '25819': '25819', '25822': '25819 25822',
  '25825': '25813', '25828': '25840', '25831': '25837', '25834': '25813', '25837': '25837', '25840': '25840',
  '25843': '25843', '25846': '25846', '25849': '25849', '25852': '25849', '25855': '25768', '25858': '25858',
  '25861': '25867', '25864': '25864', '25865': '25864', '25867': '25867', '25870': '25858', '25873': '25864',
  '25876': '25858 25882', '25879': '25867', '25882': '25882', '25885': '25882', '25888': '25888', '25891': '25891',
  '25894': '25906', '25897': '25915', '25900': '25912', '25903': '25888', '25906': '25906', '25907': '25906',
  '25908': '25909', '25909': '25909', '25912': '25912', '25915': '25915', '25918': '25888 25909', '25920': '25920',
  '25921': '25920', '25924': '25760', '25927': '25909', '25930': '25888', '25933': '25891', '25936': '25891',
  '25937': '25891', '25939': '25891 25945', '25942': '25942', '25945': '25945', '25948': '25942 25945', '25951': '25951',
  '25954': '25951', '25957': '25951', '25960': '25942', '25963': '25978', '25966': '25966', '25969': '25969 25975',
  '25972': '25969', '25975': '25975', '25978': '25978', '25981': '25978', '25984': '25966', '25987': '25987',
  '25990': '25966 25987',
};

type Dialect = 'sqlite' | 'postgresql';

const table = (dialect: Dialect, name: string) => (dialect === 'sqlite' ? name : `"__schema__".${name}`);
const quote = (value: string | null) => (value === null ? 'null' : `'${value.replace(/'/g, "''")}'`);

/** The position of a household among its commune's successors: its id's last base-36 digit (seed/residence-2025.ts). */
function digitOf(dialect: Dialect, column: string): string {
  const digits = "'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'";
  return dialect === 'sqlite' ? `max(instr(${digits}, substr(${column}, -1)) - 1, 0)` : `greatest(strpos(${digits}, right(${column}, 1)) - 1, 0)`;
}

/** The new commune of a row from its old commune and household id: one CASE over the frozen list. */
function residence2025(dialect: Dialect, householdColumn: string): string {
  const branches = Object.entries(SUCCESSOR_CODES).map(([oldCode, codes]) => {
    const ids = codes.split(' ').map((code) => quote(`${code}@2025-07-01`));
    const target = ids.length === 1 ? ids[0] : `case ${digitOf(dialect, householdColumn)} % ${ids.length} ${ids.map((id, k) => `when ${k} then ${id}`).join(' ')} end`;
    return `when '${oldCode}' then ${target}`;
  });
  return `case residence_id ${branches.join(' ')} end`;
}

/** Adds the 2025 units to a database that holds the 2020–2025 list (a fresh one is filled by the seed), then places its residents. */
function dataMoves(dialect: Dialect): string[] {
  const units = table(dialect, 'administrative_unit');
  const rows = UNITS_2025.map((unit) => `(${[...unit, '2025-07-01', null].map(quote).join(', ')})`).join(', ');
  return [
    `with v (id, code, name, level, parent_id, commune_type, valid_from, valid_to) as (values ${rows}) ` +
      `insert into ${units} (id, code, name, level, parent_id, commune_type, valid_from, valid_to) select * from v where exists (select 1 from ${units} where id = '74')`,
    `update ${table(dialect, 'household')} set residence_2025_id = ${residence2025(dialect, 'id')}`,
    `update ${table(dialect, 'citizen')} set residence_2025_id = ${residence2025(dialect, 'household_id')}`,
  ];
}

export default defineMigration('20261122190131-add-residence-2025', {
  sqlite: [...COLUMNS.sqlite, ...dataMoves('sqlite'), ...INDEX.sqlite],
  postgresql: [...COLUMNS.postgresql, ...dataMoves('postgresql'), ...INDEX.postgresql],
});
