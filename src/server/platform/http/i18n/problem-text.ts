// Problem titles per status, and an Arabic detail for every error code: the detail an Arabic
// reader gets when the English message of an AppError has no entry in arabic-messages.ts.
import type { ErrorCode } from '../../errors.ts';
import type { Language } from './language.ts';

const TITLES: Record<number, Record<Language, string>> = {
  400: { en: 'Bad Request', ar: 'طلب غير صالح' },
  401: { en: 'Unauthorized', ar: 'يلزم تسجيل الدخول' },
  403: { en: 'Forbidden', ar: 'غير مسموح' },
  404: { en: 'Not Found', ar: 'غير موجود' },
  405: { en: 'Method Not Allowed', ar: 'الطريقة غير مسموح بها' },
  408: { en: 'Request Timeout', ar: 'انتهت مهلة الطلب' },
  409: { en: 'Conflict', ar: 'تعارض' },
  413: { en: 'Payload Too Large', ar: 'محتوى الطلب كبير جدًا' },
  414: { en: 'URI Too Long', ar: 'عنوان الطلب طويل جدًا' },
  415: { en: 'Unsupported Media Type', ar: 'نوع المحتوى غير مدعوم' },
  422: { en: 'Unprocessable Content', ar: 'تعذّرت معالجة المحتوى' },
  428: { en: 'Precondition Required', ar: 'يلزم شرط مسبق' },
  429: { en: 'Too Many Requests', ar: 'طلبات كثيرة جدًا' },
  431: { en: 'Request Header Fields Too Large', ar: 'ترويسات الطلب كبيرة جدًا' },
  500: { en: 'Internal Server Error', ar: 'خطأ داخلي في الخادم' },
  503: { en: 'Service Unavailable', ar: 'الخدمة غير متاحة' },
};

export const titleOf = (status: number, lang: Language): string => TITLES[status]?.[lang] ?? (lang === 'ar' ? 'خطأ' : 'Error');

export const ARABIC_DETAIL: Record<ErrorCode, string> = {
  bad_request: 'الطلب غير صالح.',
  validation_failed: 'بعض الحقول غير صالحة.',
  malformed_json: 'محتوى الطلب ليس JSON صالحًا.',
  unauthorized: 'سجّل الدخول أولًا.',
  invalid_credentials: 'بيانات الدخول غير صحيحة.',
  mfa_required: 'أكمل تسجيل الدخول برمز التحقق بخطوتين.',
  token_invalid: 'رمز الدخول غير صالح أو منتهي الصلاحية؛ سجّل الدخول مرة أخرى.',
  password_change_required: 'غيّر كلمة المرور قبل أي إجراء آخر (POST /api/v1/auth/password).',
  mfa_enrollment_required: 'تشترط منشأتك التحقق بخطوتين لدورك: فعّله أولًا (POST /api/v1/auth/mfa/enroll ثم /auth/mfa/confirm).',
  forbidden: 'لا يسمح لك دورك بهذا الإجراء.',
  not_found: 'لم يُعثر على السجل في منشأتك.',
  route_not_found: 'لا يوجد مسار بهذا العنوان.',
  method_not_allowed: 'هذه الطريقة غير مسموح بها على هذا العنوان.',
  conflict: 'يتعارض الطلب مع بيانات موجودة أو مع تغيير متزامن.',
  duplicate_candidates: 'قد يكون هذا المريض مسجّلًا من قبل. راجع السجلات المرشّحة؛ أرسل "confirmNew": true لتسجيل مريض جديد على أي حال.',
  version_conflict: 'عدّل شخص آخر هذا السجل؛ أعد تحميله ثم طبّق تعديلك مرة أخرى.',
  invalid_transition: 'لا يمكن تنفيذ هذا الإجراء على السجل في حالته الحالية.',
  slot_taken: 'هذا الوقت محجوز لدى مقدّم الخدمة؛ اختر وقتًا آخر.',
  request_timeout: 'لم يكتمل الطلب في الوقت المحدد.',
  precondition_required: 'أرسل If-Match برقم النسخة التي تعدّلها (قيمة ETag).',
  payload_too_large: 'محتوى الطلب أكبر من الحد المسموح.',
  uri_too_long: 'أحد أجزاء عنوان الطلب أطول من المسموح.',
  unsupported_media_type: 'أرسل المحتوى بصيغة JSON مع الترويسة "Content-Type: application/json" (أو بلا محتوى).',
  unprocessable: 'تعذّرت معالجة الطلب.',
  too_many_requests: 'طلبات كثيرة جدًا؛ حاول مرة أخرى بعد المدة المذكورة في Retry-After.',
  header_too_large: 'ترويسات الطلب أكبر من الحد المسموح.',
  internal_error: 'حدث خطأ غير متوقع. اذكر معرّف الطلب (requestId) عند الإبلاغ عنه.',
  service_unavailable: 'الخدمة غير متاحة مؤقتًا؛ أعد المحاولة بعد قليل.',
};
