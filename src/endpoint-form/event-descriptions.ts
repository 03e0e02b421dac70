// One line on what each documented event type means, in the editor's words, after Konpro's events
// page and HeyGen's (developers.heygen.com/docs/webhook-events), of which Konpro's is a near copy.
// The catalog itself still comes from `webhook.list`: a type missing here shows its name alone,
// and a description never adds a type. The preflight checks, `batch.finished` and the sample
// types of the update contract have no published meaning, so they have none here.
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'avatar_video.success': 'An avatar video finished rendering and is ready.',
  'avatar_video.fail': 'An avatar video failed to render.',
  'avatar_video_gif.success': 'The GIF version of an avatar video is ready.',
  'avatar_video_gif.fail': 'Making the GIF version of an avatar video failed.',
  'avatar_video_caption.success': 'Captions for an avatar video are ready.',
  'avatar_video_caption.fail': 'Making captions for an avatar video failed.',
  'video_translate.success': 'A translated video is ready.',
  'video_translate.fail': 'Translating a video failed.',
  personalized_video: 'A personalized video was generated.',
  'instant_avatar.success': 'An Instant Avatar was created.',
  'instant_avatar.fail': 'Creating an Instant Avatar failed.',
  'photo_avatar_generation.success': 'A photo avatar was generated.',
  'photo_avatar_generation.fail': 'Generating a photo avatar failed.',
  'photo_avatar_train.success': 'Training a photo avatar finished.',
  'photo_avatar_train.fail': 'Training a photo avatar failed.',
  'photo_avatar_add_motion.success': 'Motion was added to a photo avatar.',
  'photo_avatar_add_motion.fail': 'Adding motion to a photo avatar failed.',
  'proofread_creation.success': 'A proofreading task finished.',
  'proofread_creation.fail': 'A proofreading task failed.',
  'live_avatar.success': 'A live avatar session completed.',
  'live_avatar.fail': 'A live avatar session failed.',
  'video_agent.success': 'A Video Agent session produced its video.',
  'video_agent.fail': 'A Video Agent session failed to produce its video.',
};

export function describeEvent(eventType: string): string | undefined {
  return Object.hasOwn(DESCRIPTIONS, eventType) ? DESCRIPTIONS[eventType] : undefined;
}
