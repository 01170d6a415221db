/**
 * The languages a person can be recorded as speaking: every ISO 639-1 language, and the
 * ISO 639-3 ones UK outreach teams meet that 639-1 lacks (Dari, Sorani Kurdish, Cantonese,
 * Nigerian Pidgin). Codes only: the app shows each in its own name and in the worker's
 * language through `Intl.DisplayNames`, so no list of names is kept by hand.
 */
const ISO_639_1 =
  'aa ab af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu';
const ISO_639_3_EXTRA = 'ckb pcm prs yue';

export const languageCodes: readonly string[] = [...ISO_639_1.split(' '), ...ISO_639_3_EXTRA.split(' ')];
