import { registerEnumType } from 'type-graphql';

// The dossier subgraph's enums; values are stored as these strings in the database.

export enum OnlineServiceLevel {
  FULL = 'FULL',
  PARTIAL = 'PARTIAL',
  NONE = 'NONE',
}
registerEnumType(OnlineServiceLevel, {
  name: 'OnlineServiceLevel',
  description: 'How far a procedure can be carried out online (mức độ dịch vụ công trực tuyến).',
  valuesConfig: {
    FULL: { description: 'Full-process online service (dịch vụ công trực tuyến toàn trình): submission, payment and result online.' },
    PARTIAL: { description: 'Partial online service (dịch vụ công trực tuyến một phần): online submission, some steps in person.' },
    NONE: { description: 'Not offered online: in person or by post only.' },
  },
});

export enum SubmissionChannel {
  ONLINE = 'ONLINE',
  IN_PERSON = 'IN_PERSON',
  POSTAL = 'POSTAL',
}
registerEnumType(SubmissionChannel, {
  name: 'SubmissionChannel',
  description: 'How a dossier was submitted (hình thức nộp hồ sơ).',
  valuesConfig: {
    ONLINE: { description: 'Online, through the national or provincial public service portal (trực tuyến).' },
    IN_PERSON: { description: 'In person at a one-stop counter (trực tiếp tại bộ phận một cửa).' },
    POSTAL: { description: 'By public postal service (qua dịch vụ bưu chính công ích).' },
  },
});

export enum DossierStatus {
  RECEIVED = 'RECEIVED',
  PROCESSING = 'PROCESSING',
  SUPPLEMENT_REQUESTED = 'SUPPLEMENT_REQUESTED',
  COMPLETED = 'COMPLETED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(DossierStatus, {
  name: 'DossierStatus',
  description: 'Processing status of a dossier (trạng thái hồ sơ).',
  valuesConfig: {
    RECEIVED: { description: 'Received, not yet being processed (đã tiếp nhận).' },
    PROCESSING: { description: 'Being processed (đang xử lý).' },
    SUPPLEMENT_REQUESTED: { description: 'Returned to the applicant for additional documents (yêu cầu bổ sung).' },
    COMPLETED: { description: 'Processed and the result issued (đã giải quyết).' },
    REJECTED: { description: 'Refused, with reasons given (từ chối giải quyết).' },
    WITHDRAWN: { description: 'Withdrawn by the applicant (rút hồ sơ).' },
  },
});

export enum PaymentMethod {
  ONLINE = 'ONLINE',
  IN_PERSON = 'IN_PERSON',
  NONE = 'NONE',
}
registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  description: 'How the fee of a dossier was paid (hình thức thanh toán phí, lệ phí).',
  valuesConfig: {
    ONLINE: { description: 'Paid online (thanh toán trực tuyến), e.g. through the payment platform of the national portal.' },
    IN_PERSON: { description: 'Paid in person or by another offline means (thanh toán trực tiếp).' },
    NONE: { description: 'Nothing to pay: the procedure has no fee (feeVnd is 0).' },
  },
});

/** Who submitted a dossier; stored in `applicant_type`. */
export enum ApplicantType {
  CITIZEN = 'CITIZEN',
  BUSINESS = 'BUSINESS',
}
