// Every event type named in the Konpro API notes: Konpro's events page, HeyGen's later additions
// (Konpro's docs are a near copy of HeyGen's) and the names used by the endpoint.update samples.
// The client reads this list from `webhook.list`, so it is data here, not something the UI hard-codes.
const KONPRO_EVENTS = [
  'avatar_video.success',
  'avatar_video.fail',
  'avatar_video_gif.success',
  'avatar_video_gif.fail',
  'video_translate.success',
  'video_translate.fail',
  'personalized_video',
];

const HEYGEN_EVENTS = [
  'avatar_video_caption.success',
  'avatar_video_caption.fail',
  'video_translate.preflight.validation_failed',
  'video_translate.preflight.download_failed',
  'instant_avatar.success',
  'instant_avatar.fail',
  'photo_avatar_generation.success',
  'photo_avatar_generation.fail',
  'photo_avatar_train.success',
  'photo_avatar_train.fail',
  'photo_avatar_add_motion.success',
  'photo_avatar_add_motion.fail',
  'proofread_creation.success',
  'proofread_creation.fail',
  'live_avatar.success',
  'live_avatar.fail',
  'video_agent.success',
  'video_agent.fail',
  'batch.finished',
];

const SAMPLE_EVENTS = [
  'video.created',
  'video.updated',
  'video.completed',
  'avatar.updated',
  'avatar.deleted',
  'avatar.generated',
];

export const EVENT_CATALOG: readonly string[] = [
  ...KONPRO_EVENTS,
  ...HEYGEN_EVENTS,
  ...SAMPLE_EVENTS,
];

const known = new Set(EVENT_CATALOG);

export function isKnownEvent(event: string): boolean {
  return known.has(event);
}
