// Arabic names whose Latin spelling the letter rules of transliterate.ts cannot work out, each with
// its usual Sudanese spellings. Mostly names with an unwritten vowel after the first letter, which
// the rules would key both ways (محمد would also get Mahmoud's key, حسن Hussein's), and names
// that begin with a vowel the letters do not show (عمر, عثمان, عصام) or read otherwise (أنور,
// فتحي, طه). Their keys come from the Latin spellings, exactly as if those were typed.
// Arabic is written as usually typed (hamza, ة, the article): it is normalised before lookup.
export const KNOWN_NAMES: readonly (readonly [arabic: string, ...latin: string[]])[] = [
  // Men
  ['محمد', 'Mohamed', 'Muhammad'], ['محمود', 'Mahmoud'], ['عثمان', 'Osman', 'Othman'], ['عمر', 'Omer', 'Omar'],
  ['علي', 'Ali'], ['حسن', 'Hassan'], ['حسين', 'Hussein'], ['محسن', 'Mohsin', 'Muhsin'], ['ابراهيم', 'Ibrahim'],
  ['مصطفى', 'Mustafa'], ['صديق', 'Siddig'], ['عباس', 'Abbas'], ['حمزة', 'Hamza'], ['مبارك', 'Mubarak'],
  ['عوض', 'Awad'], ['بشير', 'Bashir'], ['جعفر', 'Gaafar'], ['نصر', 'Nasr'], ['كمال', 'Kamal'], ['هشام', 'Hisham'],
  ['أنور', 'Anwar'], ['سليمان', 'Suleiman'], ['بكري', 'Bakri'], ['فضل', 'Fadl'], ['فتحي', 'Fathi'], ['يحيى', 'Yahya'],
  ['زكريا', 'Zakaria'], ['يعقوب', 'Yagoub'], ['حمد', 'Hamad'], ['حمدان', 'Hamdan'], ['مصعب', 'Musab'], ['معتز', 'Mutaz', 'Moataz'],
  ['مهند', 'Muhannad'], ['منذر', 'Munzir', 'Munthir'], ['معتصم', 'Mutasim'], ['مجدي', 'Magdi'], ['عماد', 'Imad'], ['عصام', 'Isam'],
  ['أسامة', 'Osama'], ['صلاح', 'Salah'], ['شريف', 'Sharif'], ['منصور', 'Mansour'], ['مختار', 'Mukhtar'], ['مرتضى', 'Murtada'],
  ['زبير', 'Zubair'], ['نعمان', 'Numan'], ['مهدي', 'Mahdi'], ['جمال', 'Gamal'], ['عمار', 'Ammar'], ['عمران', 'Imran', 'Omran'],
  ['سعد', 'Saad'], ['سعيد', 'Saeed'], ['خليفة', 'Khalifa'], ['طه', 'Taha'], ['بدر', 'Badr'], ['بدوي', 'Badawi'], ['عبيد', 'Obeid'],
  ['عروة', 'Orwa'], ['معاذ', 'Muaz'], ['مدثر', 'Mudathir', 'Mudasir'], ['مزمل', 'Muzamil'], ['رشيد', 'Rashid'], ['عادل', 'Adil'],
  ['مكي', 'Makki'], ['حمودة', 'Hamouda'], ['كباشي', 'Kabashi'],
  // A bare alef (the hamza untyped, as it usually is) could begin Ahmed or Idris.
  ['أحمد', 'Ahmed'], ['أمين', 'Amin'], ['إسماعيل', 'Ismail'], ['إدريس', 'Idris'], ['أكرم', 'Akram'], ['أشرف', 'Ashraf'],
  ['أيمن', 'Ayman'], ['أمجد', 'Amjad'], ['أنس', 'Anas'], ['إسحاق', 'Ishag'], ['إلياس', 'Elias'],
  ['آمنة', 'Amna'], ['أمينة', 'Amina'], ['إيمان', 'Iman'], ['إسراء', 'Israa'], ['إحسان', 'Ihsan'], ['إخلاص', 'Ikhlas'],
  ['إنعام', 'Inaam'], ['أمل', 'Amal'], ['أسماء', 'Asma'], ['إلهام', 'Ilham'], ['إقبال', 'Igbal'], ['أماني', 'Amani'],
  ['أميرة', 'Amira'], ['إشراقة', 'Ishraga'], ['آسيا', 'Asia'],
  ['عبد', 'Abd'],
  // Women
  ['خديجة', 'Khadija'], ['مريم', 'Maryam'], ['نفيسة', 'Nafisa'], ['هدى', 'Huda'], ['تسنيم', 'Tasneem'], ['هبة', 'Hiba'],
  ['علوية', 'Alawia'], ['نعمات', 'Nemat'], ['سمية', 'Sumaya'], ['لمياء', 'Limya'], ['مها', 'Maha'], ['سلمى', 'Salma'],
  ['رشا', 'Rasha'], ['سعاد', 'Suad'], ['عواطف', 'Awatif'], ['نجاة', 'Najat'], ['ثريا', 'Thuraya'], ['رحاب', 'Rihab'],
  ['عفاف', 'Afaf'], ['منى', 'Mona'], ['رقية', 'Rugaya'], ['سلوى', 'Salwa'], ['نجلاء', 'Najla'], ['ابتسام', 'Ibtisam'],
  ['انتصار', 'Intisar'], ['عزة', 'Azza'], ['عديلة', 'Adila'], ['بثينة', 'Buthaina'], ['تهاني', 'Tahani'], ['حليمة', 'Halima'],
  ['رباب', 'Rabab'], ['سناء', 'Sana'], ['سهام', 'Siham'], ['صفية', 'Safia'], ['مناهل', 'Manahil'], ['نسرين', 'Nesreen'],
  ['هند', 'Hind'], ['يسرا', 'Yusra'], ['دعاء', 'Duaa'], ['شهد', 'Shahad'], ['لبنى', 'Lubna'], ['مروة', 'Marwa'], ['ملاذ', 'Malaz'],
  ['نهى', 'Nuha'], ['كلثوم', 'Kalthoum', 'Kulthum'], ['أم', 'Um'], ['نعمة', 'Nima'], ['حنان', 'Hanan'], ['حكمة', 'Hikma'], ['زهرة', 'Zahra'],
  // After Abd (عبد الرحمن is keyed as Abd + the key of الرحمن)
  ['الله', 'Allah'], ['الرحمن', 'Rahman'], ['العزيز', 'Aziz'], ['الرحيم', 'Rahim'], ['المنعم', 'Moneim'], ['الحميد', 'Hamid'],
  ['الكريم', 'Karim'], ['المجيد', 'Magid'], ['اللطيف', 'Latif'], ['الجليل', 'Jalil'], ['الحليم', 'Halim'], ['السلام', 'Salam'],
  ['الغفار', 'Ghaffar'], ['الفتاح', 'Fattah'], ['الصمد', 'Samad'], ['الحفيظ', 'Hafiz'], ['العظيم', 'Azim'], ['الجبار', 'Gabbar'],
  ['الغني', 'Ghani'], ['الستار', 'Sattar'], ['المطلب', 'Mutalib'], ['القادر', 'Gadir'], ['الماجد', 'Magid'], ['الحي', 'Hai'],
];
