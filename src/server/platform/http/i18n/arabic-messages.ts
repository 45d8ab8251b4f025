// Arabic for the English messages modules throw, keyed by the English text itself (as gettext
// does), so a module keeps writing `new AppError(code, 'English sentence')` and needs no changes.
// `{name}` stands for a part that varies; it is carried into the Arabic unchanged, or through NOUNS.
// A message without an entry falls back to the Arabic detail of its code (problem-text.ts);
// a field message without one stays English. i18n.test.ts checks every entry still matches a source.

const NOUNS: Record<string, string> = {
  Patient: 'المريض', 'Duplicate patient': 'المريض المكرّر', Appointment: 'الموعد', User: 'المستخدم',
  Facility: 'المنشأة', Provider: 'مقدّم الخدمة', Exception: 'الاستثناء',
  Encounter: 'الزيارة السريرية', Allergy: 'الحساسية', Problem: 'المشكلة الصحية', Prescription: 'الوصفة الطبية', 'Lab order': 'طلب المختبر',
};

export const ARABIC: [english: string, arabic: string][] = [
  // Signing in and acting in a facility (platform/auth, modules/auth)
  ['Sign in first: send "Authorization: Bearer <access token>".', 'سجّل الدخول أولًا: أرسل الترويسة "Authorization: Bearer <رمز الدخول>".'],
  ['The access token is invalid or expired.', 'رمز الدخول غير صالح أو منتهي الصلاحية.'],
  ['This session has ended; sign in again.', 'انتهت هذه الجلسة؛ سجّل الدخول مرة أخرى.'],
  ['The refresh token is invalid or expired; sign in again.', 'رمز التحديث غير صالح أو منتهي الصلاحية؛ سجّل الدخول مرة أخرى.'],
  ['The email or password is incorrect.', 'البريد الإلكتروني أو كلمة المرور غير صحيحة.'],
  ['The verification code is wrong or has already been used.', 'رمز التحقق خاطئ أو سبق استخدامه.'],
  ['This sign-in step has expired or was already used; sign in again.', 'انتهت صلاحية خطوة الدخول هذه أو سبق استخدامها؛ سجّل الدخول مرة أخرى.'],
  ['Enter the code from your authenticator app or a recovery code (POST /api/v1/auth/mfa/verify).', 'أدخل الرمز من تطبيق المصادقة أو رمز استرداد (POST /api/v1/auth/mfa/verify).'],
  ['Too many failed sign-in attempts. Try again in {seconds} seconds.', 'محاولات دخول فاشلة كثيرة. حاول مرة أخرى بعد {seconds} ثانية.'],
  ['Too many requests. Try again in {seconds} seconds.', 'طلبات كثيرة جدًا. حاول مرة أخرى بعد {seconds} ثانية.'],
  ['Change your password before doing anything else (POST /api/v1/auth/password).', 'غيّر كلمة المرور قبل أي إجراء آخر (POST /api/v1/auth/password).'],
  ['Your facility requires two-step sign-in for your role: set it up first (POST /api/v1/auth/mfa/enroll, then /auth/mfa/confirm).',
    'تشترط منشأتك التحقق بخطوتين لدورك: فعّله أولًا (POST /api/v1/auth/mfa/enroll ثم /auth/mfa/confirm).'],
  ['Your role ({role}) does not allow {permission}.', 'دورك ({role}) لا يسمح بـ {permission}.'],
  ['X-Facility-Id must be a facility id (UUID).', 'يجب أن تكون قيمة X-Facility-Id معرّف منشأة (UUID).'],
  ['You are not a member of the facility named in X-Facility-Id.', 'لست عضوًا في المنشأة المذكورة في X-Facility-Id.'],
  ['The facility named in X-Facility-Id does not exist.', 'المنشأة المذكورة في X-Facility-Id غير موجودة.'],
  ['You belong to several facilities: say which one with the X-Facility-Id header.', 'أنت عضو في أكثر من منشأة: حدّد المنشأة بالترويسة X-Facility-Id.'],
  // Records
  ['{noun} not found', 'لم يُعثر على {noun}.'],
  ['Send If-Match with the version you are editing (the ETag of GET /patients/:id).', 'أرسل If-Match برقم النسخة التي تعدّلها (قيمة ETag من GET /patients/:id).'],
  ['The patient was changed by someone else (now version {version}); reload and apply your edit again.',
    'عدّل شخص آخر بيانات المريض (النسخة الآن {version})؛ أعد التحميل ثم طبّق تعديلك مرة أخرى.'],
  ['This patient may already be registered. Check the candidates; send "confirmNew": true to register a new patient anyway.',
    'قد يكون هذا المريض مسجّلًا من قبل. راجع السجلات المرشّحة؛ أرسل "confirmNew": true لتسجيل مريض جديد على أي حال.'],
  ['The provider already has an appointment from {from} to {to}, which overlaps the time asked for.', 'لدى مقدّم الخدمة موعد من {from} إلى {to} يتداخل مع الوقت المطلوب.'],
  // Patients and appointments (modules/patients, modules/scheduling)
  ['is in Arabic script: type the Arabic spelling in {arabicField}Ar ({field} is for the Latin spelling)',
    'مكتوب بالحروف العربية: اكتب الاسم بالعربية في الحقل {arabicField}Ar (الحقل {field} للتهجئة اللاتينية)'],
  ['is in Latin letters: type the Latin spelling in {latinField} ({field} is for the Arabic spelling)',
    'مكتوب بالحروف اللاتينية: اكتب التهجئة اللاتينية في الحقل {latinField} (الحقل {field} للتهجئة العربية)'],
  ["Cannot {verb} before the appointment's day: it is on {date}, and today is {today} ({zone}). Do it on that day, or reschedule the appointment to today.",
    'لا يمكن تنفيذ هذا الإجراء قبل يوم الموعد: الموعد في {date} واليوم {today} ({zone}). نفّذه في ذلك اليوم، أو انقل الموعد إلى اليوم.'],
  ["Cannot {verb} after the appointment's day: it was on {date}, and today is {today} ({zone}). Reschedule it to today, or book a new appointment.",
    'لا يمكن تنفيذ هذا الإجراء بعد يوم الموعد: كان الموعد في {date} واليوم {today} ({zone}). انقله إلى اليوم أو احجز موعدًا جديدًا.'],
  // Catalogues (modules/terminology)
  ['The catalogue has no entry with the code {code}; search the catalogue for the right code.', 'لا يوجد في الفهرس مدخل بالرمز {code}؛ ابحث في الفهرس عن الرمز الصحيح.'],
  // Clinical care (modules/clinical)
  ['The encounter is completed and cannot be changed; record a correction as an amendment: send amendsId (the record it corrects) and reason.',
    'اكتملت الزيارة ولا يمكن تعديلها؛ سجّل التصحيح كتعديل لاحق: أرسل amendsId (السجل الذي يصحّحه) وreason.'],
  ['The encounter was already completed at {at}; corrections are amendments.', 'اكتملت الزيارة من قبل في {at}؛ التصحيحات تُسجَّل كتعديلات لاحقة.'],
  ['Record at least one diagnosis before completing the encounter (POST /encounters/:id/diagnoses).',
    'سجّل تشخيصًا واحدًا على الأقل قبل إكمال الزيارة (POST /encounters/:id/diagnoses).'],
  ['This appointment already has an encounter; open that one.', 'لهذا الموعد زيارة سريرية من قبل؛ افتح تلك الزيارة.'],
  ['Start the appointment instead (POST /appointments/:id/start): starting it opens its encounter.',
    'ابدأ الموعد بدلًا من ذلك (POST /appointments/:id/start): بدء الموعد يفتح زيارته السريرية.'],
  ['The appointment is for another patient.', 'الموعد لمريض آخر.'],
  ['The patient is recorded as deceased.', 'المريض مسجّل متوفّى.'],
  ['Write at least one part of the note: subjective, objective, assessment or plan.', 'اكتب جزءًا واحدًا على الأقل من الملاحظة: subjective أو objective أو assessment أو plan.'],
  ['The encounter is completed; prescribe in a new encounter.', 'اكتملت الزيارة؛ اكتب الوصفة في زيارة جديدة.'],
  ['The encounter is completed; order tests in a new encounter.', 'اكتملت الزيارة؛ اطلب الفحوص في زيارة جديدة.'],
  ['The prescription is {status}; there is nothing left to dispense.', 'حالة الوصفة {status}؛ لم يبقَ ما يُصرف.'],
  ['Collect the sample first (POST /lab-orders/:id/collect).', 'اجمع العيّنة أولًا (POST /lab-orders/:id/collect).'],
  ['Results are verified by a second technician, not by one who entered them.', 'يتحقق من النتائج فنيّ ثانٍ، لا من أدخلها.'],
  ['record at least one measurement', 'سجّل قياسًا واحدًا على الأقل'],
  ['say why the record is corrected', 'اذكر سبب تصحيح السجل'],
  ['belongs to another patient', 'يخص مريضًا آخر'],
  // Staff accounts and facility settings (modules/facilities)
  ['A user with this email address already exists.', 'يوجد مستخدم بهذا البريد الإلكتروني من قبل.'],
  ['This email address cannot be used for a new account. If the person is on your staff list, change their role there; '
    + 'if they work at another facility, a super admin can add their account to this one.',
    'لا يمكن استخدام هذا البريد الإلكتروني لحساب جديد. إن كان الشخص ضمن قائمة موظفيك فغيّر دوره هناك؛ '
    + 'وإن كان يعمل في منشأة أخرى فبإمكان المشرف العام إضافة حسابه إلى هذه المنشأة.'],
  ["Only a super admin may {change} the super_admin role in a facility's MFA policy: it applies to super admins in every facility.",
    'لا يحق إلا للمشرف العام تعديل الدور super_admin في سياسة التحقق بخطوتين للمنشأة: فهي تسري على المشرفين العامّين في كل المنشآت.'],
  ['Only a super admin may grant the super_admin role.', 'لا يحق إلا للمشرف العام منح الدور super_admin.'],
  ["Only a super admin may change a super admin's account.", 'لا يحق إلا للمشرف العام تعديل حساب مشرف عام.'],
  ['You cannot disable your own account.', 'لا يمكنك تعطيل حسابك أنت.'],
  // The HTTP platform
  ['The request body is not valid JSON.', 'محتوى الطلب ليس JSON صالحًا.'],
  ['No route {method} {path}', 'لا يوجد مسار {method} {path}'],
  ['An unexpected error occurred. Quote the request id when reporting it.', 'حدث خطأ غير متوقع. اذكر معرّف الطلب (requestId) عند الإبلاغ عنه.'],
  // Field messages of the modules' own checks (errors[].message)
  ['is not a real date', 'ليس تاريخًا صحيحًا'],
  ['is in the past', 'وقت مضى'],
  ['must be on a whole minute', 'يجب أن يكون على دقيقة كاملة'],
  ['must say why', 'يجب ذكر السبب'],
  ['must be a UUID', 'يجب أن يكون معرّفًا بصيغة UUID'],
  ['must not be blank', 'يجب ألا يكون فارغًا'],
  ['is not your current password', 'ليست كلمة المرور الحالية'],
  ['is not a valid code from your authenticator app', 'ليس رمزًا صحيحًا من تطبيق المصادقة'],
  ['must be the 11-digit national number', 'يجب أن يكون الرقم الوطني المكوّن من 11 رقمًا'],
  ['is required (or birthYear with birthDateEstimated: true)', 'مطلوب (أو birthYear مع birthDateEstimated: true)'],
  ['is required (or give {fields})', 'مطلوب (أو أدخل {fields})'],
  ['is not a valid phone number (e.g. 0912345678, +249912345678 or +<country code><number>)',
    'ليس رقم هاتف صحيحًا (مثل 0912345678 أو +249912345678 أو +<رمز الدولة><الرقم>)'],
  ['is not a provider (an active doctor or nurse) in this facility', 'ليس مقدّم خدمة (طبيبًا أو ممرضًا نشطًا) في هذه المنشأة'],
  ['is not an IANA time zone name (e.g. Africa/Khartoum)', 'ليس اسم منطقة زمنية من IANA (مثل Africa/Khartoum)'],
  // Card payments (modules/billing: payment-provider.ts, stripe-provider.ts)
  ['Card payments are not set up on this server ({what}); take the payment by another method, or ask the administrator to configure Stripe.',
    'الدفع بالبطاقة غير مُعَدّ على هذا الخادم ({what})؛ خذ الدفعة بطريقة أخرى، أو اطلب من المسؤول إعداد Stripe.'],
  ['The card processor did not answer in time; nothing was charged. Try again with the same Idempotency-Key.',
    'لم يستجب معالج البطاقات في الوقت المحدد؛ لم يُخصم أي مبلغ. حاول مرة أخرى بمفتاح Idempotency-Key نفسه.'],
  ['Card payments are confirmed by the card processor, not by hand.', 'تُؤكَّد مدفوعات البطاقة من معالج البطاقات، لا يدويًا.'],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const COMPILED = ARABIC.map(([english, arabic]) => {
  const names: string[] = [];
  const source = english.split(/(\{\w+\})/).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (!name) return escape(part);
    names.push(name);
    return '(.+?)';
  }).join('');
  return { re: new RegExp(`^${source}$`, 's'), names, arabic };
});

/** The Arabic of an English message, or undefined when the catalogue has none. */
export function arabicOf(english: string): string | undefined {
  for (const { re, names, arabic } of COMPILED) {
    const m = re.exec(english);
    if (!m) continue;
    const values = Object.fromEntries(names.map((n, i) => [n, m[i + 1]!]));
    if (values.noun !== undefined && !(values.noun in NOUNS)) return undefined;
    return arabic.replace(/\{(\w+)\}/g, (_, n: string) => (n === 'noun' ? NOUNS[values.noun!]! : values[n] ?? ''));
  }
  return undefined;
}
