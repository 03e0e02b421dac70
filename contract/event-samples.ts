// A sample `event_data` for every event type of the catalog, for the test delivery of a URL check
// (`endpoint.check`): a receiver that parses real deliveries should parse these too. The shapes
// follow HeyGen's webhook events page, of which Konpro's is a near copy; the types with no
// published payload (the preflight checks, `batch.finished`, the update contract's samples) get
// the fields their names imply. Every value is made up, and each delivery says `test: true`.
// Beside the event descriptions (src/endpoint-form/event-descriptions.ts), this is data the page
// and the server both read.

type Sample = Readonly<Record<string, unknown>>;

const VIDEO_ID = 'sample_video_2f9c1e7a';
const CALLBACK_ID = 'sample_callback_01';
const FILES = 'https://files.example.com/sample';

const EVENT_SAMPLES: Readonly<Record<string, Sample>> = {
  'avatar_video.success': {
    video_id: VIDEO_ID,
    url: `${FILES}/${VIDEO_ID}.mp4`,
    gif_download_url: `${FILES}/${VIDEO_ID}.gif`,
    video_share_page_url: `${FILES}/share/${VIDEO_ID}`,
    folder_id: 'sample_folder_01',
    callback_id: CALLBACK_ID,
  },
  'avatar_video.fail': {
    video_id: VIDEO_ID,
    msg: 'This is a test delivery: no video failed.',
    callback_id: CALLBACK_ID,
  },
  'avatar_video_gif.success': {
    video_id: VIDEO_ID,
    url: `${FILES}/${VIDEO_ID}.gif`,
    callback_id: CALLBACK_ID,
  },
  'avatar_video_gif.fail': {
    video_id: VIDEO_ID,
    msg: 'This is a test delivery: no GIF failed.',
    callback_id: CALLBACK_ID,
  },
  'avatar_video_caption.success': {
    video_id: VIDEO_ID,
    caption_url: `${FILES}/${VIDEO_ID}.srt`,
    callback_id: CALLBACK_ID,
  },
  'avatar_video_caption.fail': {
    video_id: VIDEO_ID,
    msg: 'This is a test delivery: no caption failed.',
    callback_id: CALLBACK_ID,
  },
  'video_translate.success': {
    video_translate_id: 'sample_translate_5d2a',
    url: `${FILES}/sample_translate_5d2a.mp4`,
    output_language: 'German',
    callback_id: CALLBACK_ID,
  },
  'video_translate.fail': {
    video_translate_id: 'sample_translate_5d2a',
    message: 'This is a test delivery: no translation failed.',
    callback_id: CALLBACK_ID,
  },
  'video_translate.preflight.validation_failed': {
    video_translate_id: 'sample_translate_5d2a',
    message: 'This is a test delivery: no video failed validation.',
    callback_id: CALLBACK_ID,
  },
  'video_translate.preflight.download_failed': {
    video_translate_id: 'sample_translate_5d2a',
    message: 'This is a test delivery: no download failed.',
    callback_id: CALLBACK_ID,
  },
  personalized_video: {
    project_id: 'sample_project_7b41',
    video_id: VIDEO_ID,
    url: `${FILES}/${VIDEO_ID}.mp4`,
    callback_id: CALLBACK_ID,
  },
  'instant_avatar.success': {
    avatar_id: 'sample_avatar_c3d8',
    avatar_name: 'Sample avatar',
    callback_id: CALLBACK_ID,
  },
  'instant_avatar.fail': {
    avatar_id: 'sample_avatar_c3d8',
    message: 'This is a test delivery: no avatar failed.',
    callback_id: CALLBACK_ID,
  },
  'photo_avatar_generation.success': {
    generation_id: 'sample_generation_91e0',
    image_url_list: [`${FILES}/photo_1.png`, `${FILES}/photo_2.png`],
    callback_id: CALLBACK_ID,
  },
  'photo_avatar_generation.fail': {
    generation_id: 'sample_generation_91e0',
    message: 'This is a test delivery: no generation failed.',
    callback_id: CALLBACK_ID,
  },
  'photo_avatar_train.success': {
    group_id: 'sample_group_4a7f',
    callback_id: CALLBACK_ID,
  },
  'photo_avatar_train.fail': {
    group_id: 'sample_group_4a7f',
    message: 'This is a test delivery: no training failed.',
    callback_id: CALLBACK_ID,
  },
  'photo_avatar_add_motion.success': {
    id: 'sample_look_62bd',
    motion_preview_url: `${FILES}/motion_preview.mp4`,
    callback_id: CALLBACK_ID,
  },
  'photo_avatar_add_motion.fail': {
    id: 'sample_look_62bd',
    message: 'This is a test delivery: no motion failed.',
    callback_id: CALLBACK_ID,
  },
  'proofread_creation.success': {
    proofread_id: 'sample_proofread_0c55',
    callback_id: CALLBACK_ID,
  },
  'proofread_creation.fail': {
    proofread_id: 'sample_proofread_0c55',
    message: 'This is a test delivery: no proofreading failed.',
    callback_id: CALLBACK_ID,
  },
  'live_avatar.success': {
    session_id: 'sample_session_e812',
    callback_id: CALLBACK_ID,
  },
  'live_avatar.fail': {
    session_id: 'sample_session_e812',
    message: 'This is a test delivery: no session failed.',
    callback_id: CALLBACK_ID,
  },
  'video_agent.success': {
    session_id: 'sample_session_e812',
    video_id: VIDEO_ID,
    url: `${FILES}/${VIDEO_ID}.mp4`,
    callback_id: CALLBACK_ID,
  },
  'video_agent.fail': {
    session_id: 'sample_session_e812',
    message: 'This is a test delivery: no session failed.',
    callback_id: CALLBACK_ID,
  },
  'batch.finished': {
    batch_id: 'sample_batch_3f10',
    total: 3,
    succeeded: 3,
    failed: 0,
    callback_id: CALLBACK_ID,
  },
  'video.created': { video_id: VIDEO_ID, status: 'pending' },
  'video.updated': { video_id: VIDEO_ID, status: 'processing' },
  'video.completed': { video_id: VIDEO_ID, status: 'completed', url: `${FILES}/${VIDEO_ID}.mp4` },
  'avatar.updated': { avatar_id: 'sample_avatar_c3d8', avatar_name: 'Sample avatar' },
  'avatar.deleted': { avatar_id: 'sample_avatar_c3d8' },
  'avatar.generated': { avatar_id: 'sample_avatar_c3d8', image_url: `${FILES}/avatar.png` },
};

/** The event types a test delivery can be sent for. */
export const SAMPLE_EVENT_TYPES: readonly string[] = Object.keys(EVENT_SAMPLES);

export interface SampleDelivery {
  event_type: string;
  event_data: Sample;
  /** Tells the receiver that no such event happened. */
  test: true;
}

/** The test delivery for `eventType`, or undefined for a type without a sample. */
export function sampleDelivery(eventType: string): SampleDelivery | undefined {
  if (!Object.hasOwn(EVENT_SAMPLES, eventType)) return undefined;
  const sample = EVENT_SAMPLES[eventType];
  return sample === undefined
    ? undefined
    : { event_type: eventType, event_data: sample, test: true };
}
