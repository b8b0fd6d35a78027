export { DOCX_MIME, makeDocx } from './office-files';
export { waitFor } from './wait-for';
export { SAMPLE_COMMUNITY_PROFILE } from './community-profile';
export { ancestorsOf, type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from './otlp-receiver';
