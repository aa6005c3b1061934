import { registerEnumType } from 'type-graphql';

/** Legal form of an enterprise under the Law on Enterprises 2020 (loại hình doanh nghiệp). */
export enum LegalForm {
  PRIVATE_ENTERPRISE = 'PRIVATE_ENTERPRISE',
  LIMITED_LIABILITY = 'LIMITED_LIABILITY',
  JOINT_STOCK = 'JOINT_STOCK',
  PARTNERSHIP = 'PARTNERSHIP',
}
registerEnumType(LegalForm, {
  name: 'LegalForm',
  description: 'Legal form of an enterprise (loại hình doanh nghiệp, Law on Enterprises 2020).',
  valuesConfig: {
    PRIVATE_ENTERPRISE: { description: 'Private enterprise owned by one individual (doanh nghiệp tư nhân).' },
    LIMITED_LIABILITY: { description: 'Limited liability company, one or more members (công ty trách nhiệm hữu hạn, TNHH).' },
    JOINT_STOCK: { description: 'Joint-stock company (công ty cổ phần).' },
    PARTNERSHIP: { description: 'Partnership (công ty hợp danh).' },
  },
});

/** Registration status in the national business registry (tình trạng pháp lý). */
export enum BusinessStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  DISSOLVED = 'DISSOLVED',
}
registerEnumType(BusinessStatus, {
  name: 'BusinessStatus',
  description: 'Legal status of an enterprise in the business registry (tình trạng pháp lý của doanh nghiệp).',
  valuesConfig: {
    ACTIVE: { description: 'Operating (đang hoạt động).' },
    SUSPENDED: { description: 'Business temporarily suspended (tạm ngừng kinh doanh).' },
    DISSOLVED: { description: 'Dissolved or bankrupt; no longer operating (đã giải thể, phá sản).' },
  },
});

export const BUSINESS_STATUSES = Object.values(BusinessStatus);
