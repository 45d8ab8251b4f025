// The auth module's messages in English and Arabic: the password-reset link and the security
// notices. Registered at import time, as the notifications contract asks.
import { registerTemplate, str } from '../notifications/index.ts';

export const SECURITY_EVENTS = {
  passwordReset: 'auth.password_reset',
  newDevice: 'security.new_device',
  failedSignIns: 'security.failed_sign_ins',
  failedSignInsContact: 'security.failed_sign_ins_contact',
  mfaDisabled: 'security.mfa_disabled',
} as const;

const NOT_YOU_EN = 'If this was not you, reset your password now from the sign-in page and tell your facility administrator.';
const NOT_YOU_AR = 'إذا لم تكن أنت، فأعد تعيين كلمة مرورك فورًا من صفحة تسجيل الدخول وأبلغ مسؤول المنشأة.';

registerTemplate(SECURITY_EVENTS.passwordReset, {
  en: (d) => ({
    subject: 'Reset your NileCare password',
    text: `Dear ${str(d, 'name')},\n\nSomeone, hopefully you, asked to reset the password of your NileCare account. To choose a new password, open this link within ${str(d, 'minutes')} minutes:\n\n${str(d, 'link')}\n\nThe link works once. If you did not ask for this, ignore this message: your password stays as it is.`,
  }),
  ar: (d) => ({
    subject: 'إعادة تعيين كلمة مرور NileCare',
    text: `عزيزي/عزيزتي ${str(d, 'name')}،\n\nطلب أحدهم، ونأمل أن تكون أنت، إعادة تعيين كلمة مرور حسابك في NileCare. لاختيار كلمة مرور جديدة افتح هذا الرابط خلال ${str(d, 'minutes')} دقيقة:\n\n${str(d, 'link')}\n\nيعمل الرابط مرة واحدة فقط. إذا لم تطلب ذلك فتجاهل هذه الرسالة، وستبقى كلمة مرورك كما هي.`,
  }),
});

registerTemplate(SECURITY_EVENTS.newDevice, {
  en: (d) => ({
    subject: 'New sign-in to your NileCare account',
    text: `Dear ${str(d, 'name')},\n\nYour NileCare account was signed in to from a device it has not used before: ${str(d, 'device')}, at ${str(d, 'when')} (UTC), from the address ${str(d, 'ip')}.\n\n${NOT_YOU_EN}`,
  }),
  ar: (d) => ({
    subject: 'تسجيل دخول جديد إلى حسابك في NileCare',
    text: `عزيزي/عزيزتي ${str(d, 'name')}،\n\nتم تسجيل الدخول إلى حسابك في NileCare من جهاز لم يُستخدم من قبل: ${str(d, 'device')}، في ${str(d, 'when')} (بالتوقيت العالمي)، من العنوان ${str(d, 'ip')}.\n\n${NOT_YOU_AR}`,
  }),
});

registerTemplate(SECURITY_EVENTS.failedSignIns, {
  en: (d) => ({
    subject: 'Repeated failed sign-ins on your NileCare account',
    text: `Dear ${str(d, 'name')},\n\nThere were ${str(d, 'attempts')} failed attempts to sign in to your NileCare account, the last at ${str(d, 'when')} (UTC) from the address ${str(d, 'ip')}. Sign-in is paused for ${str(d, 'minutes')} minutes.\n\n${NOT_YOU_EN}`,
  }),
  ar: (d) => ({
    subject: 'محاولات فاشلة متكررة لتسجيل الدخول إلى حسابك في NileCare',
    text: `عزيزي/عزيزتي ${str(d, 'name')}،\n\nحدثت ${str(d, 'attempts')} محاولات فاشلة لتسجيل الدخول إلى حسابك في NileCare، آخرها في ${str(d, 'when')} (بالتوقيت العالمي) من العنوان ${str(d, 'ip')}. تم إيقاف تسجيل الدخول مؤقتًا لمدة ${str(d, 'minutes')} دقيقة.\n\n${NOT_YOU_AR}`,
  }),
});

registerTemplate(SECURITY_EVENTS.failedSignInsContact, {
  en: (d) => ({
    subject: `Repeated failed sign-ins: ${str(d, 'account')}`,
    text: `There were ${str(d, 'attempts')} failed attempts to sign in to the NileCare account ${str(d, 'account')} (${str(d, 'accountName')}) of ${str(d, 'facility')}, the last at ${str(d, 'when')} (UTC) from the address ${str(d, 'ip')}. Sign-in to that account is paused for ${str(d, 'minutes')} minutes.\n\nYou receive this as the facility's security contact. The account holder has been told as well.`,
  }),
  ar: (d) => ({
    subject: `محاولات فاشلة متكررة لتسجيل الدخول: ${str(d, 'account')}`,
    text: `حدثت ${str(d, 'attempts')} محاولات فاشلة لتسجيل الدخول إلى حساب NileCare ‏${str(d, 'account')} (${str(d, 'accountName')}) في ${str(d, 'facility')}، آخرها في ${str(d, 'when')} (بالتوقيت العالمي) من العنوان ${str(d, 'ip')}. تم إيقاف تسجيل الدخول إلى هذا الحساب مؤقتًا لمدة ${str(d, 'minutes')} دقيقة.\n\nتصلك هذه الرسالة بصفتك جهة الاتصال الأمنية للمنشأة، وقد أُبلغ صاحب الحساب أيضًا.`,
  }),
});

registerTemplate(SECURITY_EVENTS.mfaDisabled, {
  en: (d) => ({
    subject: 'Two-step sign-in was turned off',
    text: `Dear ${str(d, 'name')},\n\nTwo-step sign-in was turned off for your NileCare account at ${str(d, 'when')} (UTC), from the address ${str(d, 'ip')}. Your account is now protected by its password alone.\n\n${NOT_YOU_EN}`,
  }),
  ar: (d) => ({
    subject: 'تم إيقاف التحقق بخطوتين',
    text: `عزيزي/عزيزتي ${str(d, 'name')}،\n\nتم إيقاف التحقق بخطوتين لحسابك في NileCare في ${str(d, 'when')} (بالتوقيت العالمي) من العنوان ${str(d, 'ip')}. أصبح حسابك الآن محميًا بكلمة المرور وحدها.\n\n${NOT_YOU_AR}`,
  }),
});
