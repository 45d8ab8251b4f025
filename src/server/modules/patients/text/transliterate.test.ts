// Transliteration of Arabic names into the Latin key space, checked on real Sudanese names and the
// spellings they are registered under: each spelling must share a key with the Arabic name, and
// names that are different must not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transliterationKeys } from './transliterate.ts';
import { unmarkedArabic } from './arabic.ts';
import { latinKey } from './latin.ts';
import { nameTokens, queryTokens } from './names.ts';
import { MALE_NAMES, FEMALE_NAMES, FAMILY_NAMES } from '../../../cli/seed/demo-names.ts';

const keysOf = (arabic: string) => transliterationKeys(unmarkedArabic(arabic).replace(/ /g, ''));

const NAME_PAIRS: [string, ...string[]][] = [
  ['محمد', 'Mohamed', 'Muhammad', 'Mohammed', 'Mohamad'], ['أحمد', 'Ahmed', 'Ahmad'], ['محمود', 'Mahmoud', 'Mahmud'],
  ['عثمان', 'Osman', 'Othman', 'Usman'], ['عمر', 'Omer', 'Omar'], ['علي', 'Ali'], ['حسن', 'Hassan', 'Hasan'],
  ['حسين', 'Hussein', 'Hussain', 'Husain'], ['إبراهيم', 'Ibrahim', 'Ebrahim'], ['ابراهيم', 'Ibrahim'], ['يوسف', 'Yousif', 'Yousef', 'Yusuf'],
  ['مصطفى', 'Mustafa', 'Mostafa'], ['خالد', 'Khalid', 'Khaled'], ['الفاتح', 'Elfatih', 'Alfatih'], ['صديق', 'Siddig', 'Siddiq'],
  ['بابكر', 'Babiker', 'Babikir'], ['عباس', 'Abbas'], ['حمزة', 'Hamza'], ['مبارك', 'Mubarak', 'Mobarak'], ['عوض', 'Awad'],
  ['الصادق', 'Elsadig', 'Alsadig'], ['الطيب', 'Eltayeb', 'Altayeb', 'Tayeb'], ['بشير', 'Bashir', 'Basheer'], ['آدم', 'Adam'],
  ['إسماعيل', 'Ismail'], ['موسى', 'Musa', 'Mousa'], ['صالح', 'Salih', 'Saleh'], ['جعفر', 'Gaafar', 'Jaafar', 'Jafar'],
  ['نصر', 'Nasr'], ['كمال', 'Kamal'], ['طارق', 'Tarig', 'Tariq', 'Tarek'], ['ياسر', 'Yasir', 'Yasser'], ['هشام', 'Hisham', 'Hesham'],
  ['أنور', 'Anwar'], ['إدريس', 'Idris', 'Idriss'], ['سليمان', 'Suleiman', 'Sulaiman', 'Soliman'], ['بكري', 'Bakri'], ['فضل', 'Fadl', 'Fadul'],
  ['عبد الرحمن', 'Abdelrahman', 'Abdalrahman', 'Abdulrahman', 'Abdel Rahman'], ['عبد الله', 'Abdalla', 'Abdallah', 'Abdullah'],
  ['عبدالله', 'Abdalla'], ['عبد العزيز', 'Abdelaziz', 'Abdulaziz'], ['عبد القادر', 'Abdelgadir', 'Abdelqadir', 'Abdulgadir'],
  ['عبد الرحيم', 'Abdelrahim', 'Abdulrahim'], ['عبد المنعم', 'Abdelmoneim', 'Abdelmonim', 'Abdulmunim'], ['عبد الوهاب', 'Abdelwahab', 'Abdulwahab'],
  ['عبد الحميد', 'Abdelhamid'], ['عبد الكريم', 'Abdelkarim', 'Abdelkareem'], ['عبد الباقي', 'Abdelbagi', 'Abdelbaqi'],
  ['عبد المجيد', 'Abdelmajid', 'Abdelmagid'], ['عبد اللطيف', 'Abdellatif'], ['عبد الجليل', 'Abdeljalil', 'Abdelgalil'],
  ['عبد الحليم', 'Abdelhalim'], ['عبد السلام', 'Abdelsalam'], ['عبد الغفار', 'Abdelghaffar'], ['عبد الهادي', 'Abdelhadi'],
  ['عبد الفتاح', 'Abdelfattah'], ['عبد الخالق', 'Abdelkhalig'], ['عبد الرازق', 'Abdelrazig'], ['عبد الصمد', 'Abdelsamad'],
  ['عبد الحفيظ', 'Abdelhafiz'], ['عبد العظيم', 'Abdelazim'], ['عبد الناصر', 'Abdelnasir'], ['عبد الجبار', 'Abdelgabar', 'Abdeljabbar'],
  ['عبد الغني', 'Abdelghani'], ['عبد الستار', 'Abdelsattar'], ['عبد المحمود', 'Abdelmahmoud'], ['عبد النور', 'Abdelnour'], ['عبد الرؤوف', 'Abdelraouf'],
  ['فتحي', 'Fathi'], ['يحيى', 'Yahya', 'Yahia'], ['زكريا', 'Zakaria', 'Zakariya'], ['عيسى', 'Issa', 'Eisa', 'Isa'],
  ['يعقوب', 'Yagoub', 'Yaqoub'], ['داود', 'Dawood', 'Dawoud', 'Daoud'], ['هاشم', 'Hashim', 'Hashem'], ['حامد', 'Hamid', 'Hamed'],
  ['حمد', 'Hamad'], ['حمدان', 'Hamdan'], ['معاوية', 'Muawia', 'Moawia'], ['مصعب', 'Musab', 'Mosab'], ['معتز', 'Mutaz', 'Moataz', 'Motaz'],
  ['مهند', 'Muhannad', 'Mohanad'], ['مؤمن', 'Moamen', 'Mumin'], ['منذر', 'Munzir', 'Monzir'], ['مأمون', 'Mamoun', 'Mamoon', 'Maamoun'],
  ['المعتصم', 'Elmutasim', 'Almutasim', 'Mutasim'], ['مجدي', 'Magdi', 'Majdi'], ['مالك', 'Malik', 'Malek'], ['وليد', 'Waleed', 'Walid'],
  ['ياسين', 'Yasin', 'Yassin', 'Yaseen'], ['عادل', 'Adil', 'Adel'], ['عماد', 'Imad', 'Emad'], ['عصام', 'Isam', 'Issam', 'Esam'],
  ['أسامة', 'Osama', 'Usama'], ['أيمن', 'Ayman', 'Aymen'], ['أشرف', 'Ashraf'], ['أكرم', 'Akram'], ['أمجد', 'Amjad', 'Amgad'], ['أنس', 'Anas'],
  ['صلاح', 'Salah'], ['السيد', 'Elsayed', 'Sayed'], ['شريف', 'Sharif', 'Sherif'], ['منصور', 'Mansour', 'Mansur'], ['مختار', 'Mukhtar', 'Mokhtar'],
  ['مرتضى', 'Murtada', 'Mortada'], ['الزبير', 'Elzubair', 'Zubair', 'Zubeir'], ['الخير', 'Elkhair'], ['النعمان', 'Elnuman', 'Alnoman'],
  ['قاسم', 'Gasim', 'Qasim'], ['الهادي', 'Elhadi'], ['المهدي', 'Elmahdi', 'Almahdi'], ['الماحي', 'Elmahi'], ['الميرغني', 'Elmirghani', 'Mirghani'],
  ['حيدر', 'Haidar', 'Hayder'], ['جمال', 'Gamal', 'Jamal'], ['سامي', 'Sami'], ['رامي', 'Rami'], ['ماجد', 'Majid', 'Magid'], ['نادر', 'Nadir', 'Nader'],
  ['هاني', 'Hani'], ['وائل', 'Wael', 'Wail'], ['عمار', 'Ammar'], ['عمران', 'Imran', 'Omran'], ['إسحاق', 'Ishag', 'Ishaq'], ['سعد', 'Saad', "Sa'ad"],
  ['سعيد', 'Saeed', 'Said'], ['صابر', 'Sabir', 'Saber'], ['الأمين', 'Elamin', 'Alamin', 'Amin', 'Al-Amin'], ['الحسن', 'Elhassan'],
  ['الحسين', 'Elhussein'], ['الشيخ', 'Elsheikh', 'Sheikh'], ['التوم', 'Eltom'], ['النور', 'Elnour', 'Elnur'], ['البشير', 'Elbashir'],
  ['الطاهر', 'Eltahir', 'Eltaher'], ['خليفة', 'Khalifa'], ['طه', 'Taha'], ['نور الدين', 'Nour Eldin'], ['بدر', 'Badr'], ['بدوي', 'Badawi'],
  ['زين العابدين', 'Zein Elabdin'], ['عبيد', 'Obeid', 'Ubaid'], ['عروة', 'Orwa', 'Urwa'], ['فيصل', 'Faisal', 'Feisal'], ['معاذ', 'Muaz', 'Moaz'],
  ['مدثر', 'Mudathir', 'Mudasir'], ['مزمل', 'Muzamil', 'Mozamil'], ['الصافي', 'Elsafi'], ['حافظ', 'Hafiz'], ['أبوبكر', 'Abubakr'],
  ['عبد المطلب', 'Abdelmutalib'], ['الرشيد', 'Elrashid', 'Rashid'], ['مهدي', 'Mahdi'], ['أمين', 'Amin'],
  ['فاطمة', 'Fatima', 'Fatma', 'Fatimah'], ['آمنة', 'Amna'], ['خديجة', 'Khadija', 'Khadiga'], ['مريم', 'Maryam', 'Mariam'],
  ['زينب', 'Zainab', 'Zeinab', 'Zaynab'], ['عائشة', 'Aisha', 'Aysha'], ['حواء', 'Hawa', 'Hawaa'], ['نفيسة', 'Nafisa'], ['سارة', 'Sara', 'Sarah'],
  ['هدى', 'Huda', 'Hoda'], ['سامية', 'Samia', 'Samya'], ['إخلاص', 'Ikhlas'], ['ريان', 'Rayan'], ['تسنيم', 'Tasneem', 'Tasnim'], ['هبة', 'Hiba', 'Heba'],
  ['علوية', 'Alawia', 'Alawiya'], ['نعمات', 'Nemat', 'Niemat'], ['سمية', 'Sumaya', 'Somaya', 'Sumaia'], ['أسماء', 'Asma', 'Asmaa'],
  ['لمياء', 'Limya', 'Lamya'], ['مها', 'Maha'], ['نور', 'Nour', 'Noor', 'Nur'], ['سلمى', 'Salma'], ['رشا', 'Rasha'], ['وفاء', 'Wafa', 'Wafaa'],
  ['إنعام', 'Inaam', 'Enaam'], ['سعاد', 'Suad', 'Soad', 'Suaad'], ['عواطف', 'Awatif'], ['نجاة', 'Najat', 'Nagat'], ['ثريا', 'Thuraya', 'Suraya'],
  ['إيمان', 'Iman', 'Eman'], ['أمل', 'Amal'], ['إسراء', 'Israa', 'Esraa', 'Isra'], ['رحاب', 'Rihab', 'Rehab'], ['شيماء', 'Shaimaa', 'Shaima'],
  ['عفاف', 'Afaf'], ['منى', 'Mona', 'Muna'], ['نوال', 'Nawal'], ['هالة', 'Hala'], ['وداد', 'Widad', 'Wedad'], ['رقية', 'Rugaya', 'Roqaya', 'Ruqayya'],
  ['سلوى', 'Salwa'], ['نجلاء', 'Najla', 'Nagla'], ['ابتسام', 'Ibtisam', 'Ebtisam'], ['إقبال', 'Igbal', 'Iqbal'], ['إحسان', 'Ihsan', 'Ehsan'],
  ['انتصار', 'Intisar', 'Entisar'], ['عزة', 'Azza'], ['عديلة', 'Adila'], ['بثينة', 'Buthaina', 'Busaina'], ['تهاني', 'Tahani'], ['حليمة', 'Halima'],
  ['رباب', 'Rabab'], ['سناء', 'Sana', 'Sanaa'], ['سهام', 'Siham'], ['صفية', 'Safia', 'Safiya'], ['فايزة', 'Faiza'], ['ليلى', 'Laila', 'Layla', 'Leila'],
  ['مناهل', 'Manahil'], ['نسرين', 'Nesreen', 'Nisrin'], ['هند', 'Hind'], ['يسرا', 'Yusra', 'Yousra'], ['آلاء', 'Alaa'], ['دعاء', 'Duaa', 'Doaa'],
  ['رانيا', 'Rania'], ['روان', 'Rawan'], ['شهد', 'Shahad'], ['لبنى', 'Lubna'], ['مروة', 'Marwa'], ['ملاذ', 'Malaz'], ['مي', 'Mai'],
  ['نهى', 'Nuha', 'Noha'], ['هاجر', 'Hajar', 'Hagar'], ['وئام', 'Wiam', 'Weam'], ['كوثر', 'Kawthar', 'Kawsar'], ['كلثوم', 'Kalthoum', 'Kulthum'],
  ['أم', 'Um', 'Umm'], ['إلهام', 'Ilham', 'Elham'], ['ميسون', 'Maysoon', 'Maisoon'], ['نعمة', 'Nima', 'Niama'], ['حنان', 'Hanan'], ['آسيا', 'Asia'],
];

test('every usual spelling of a Sudanese name shares a key with its Arabic form', () => {
  const misses: string[] = [];
  for (const [arabic, ...spellings] of NAME_PAIRS) {
    // Names of two words (Nour Eldin) are compared word by word.
    const arabicWords = arabic.startsWith('عبد') ? [arabic] : arabic.split(' ');
    for (const latin of spellings) {
      const latinWords = arabicWords.length > 1 ? latin.split(' ') : [latin.replace(/ /g, '')];
      arabicWords.forEach((word, i) => {
        const want = latinKey(latinWords[i] ?? '');
        if (!keysOf(word).includes(want)) misses.push(`${word} → ${JSON.stringify(keysOf(word))}, ${latin} → ${want}`);
      });
    }
  }
  assert.deepEqual(misses, []);
  assert.ok(NAME_PAIRS.length > 200);
});

test("the demo data's name pairs transliterate to their Latin spelling", () => {
  for (const [latin, arabic] of [...MALE_NAMES, ...FEMALE_NAMES, ...FAMILY_NAMES]) {
    assert.ok(keysOf(arabic).includes(latinKey(latin.replace(/ /g, ''))), `${arabic} ${JSON.stringify(keysOf(arabic))} vs ${latin} ${latinKey(latin)}`);
  }
});

test('the names of the brief: each Arabic form meets its Latin spellings', () => {
  const cases: [string, string[]][] = [
    ['محمد', ['Mohamed', 'Muhammad']], ['فاطمة', ['Fatima', 'Fatma']], ['عبد الرحمن', ['Abdelrahman', 'Abdalrahman']],
    ['أحمد', ['Ahmed']], ['عثمان', ['Osman', 'Othman']], ['الأمين', ['Elamin', 'Alamin']],
  ];
  for (const [arabic, spellings] of cases) {
    for (const latin of spellings) assert.ok(nameTokens(arabic).includes(latinKey(latin)), `${arabic} / ${latin}`);
  }
});

test('clearly different names stay apart across scripts', () => {
  const apart: [string, string][] = [
    ['محمد', 'Mahmoud'], ['محمود', 'Mohamed'], ['أحمد', 'Mohamed'], ['حسن', 'Hussein'], ['حسين', 'Hassan'],
    ['عمر', 'Ali'], ['علي', 'Omar'], ['عصام', 'Osama'], ['أسامة', 'Isam'], ['خالد', 'Khalil'], ['سعد', 'Suad'],
    ['سعاد', 'Saad'], ['عثمان', 'Ammar'], ['أمل', 'Amna'], ['فتحي', 'Elfatih'], ['الفاتح', 'Fathi'], ['منى', 'Amna'],
  ];
  for (const [arabic, latin] of apart) assert.ok(!keysOf(arabic).includes(latinKey(latin)), `${arabic} ${JSON.stringify(keysOf(arabic))} must not meet ${latin}`);
});

test('names the list does not know get every key their letters allow (a or u after the first letter)', () => {
  // Not in arabic-names.ts: spelled by rule.
  assert.deepEqual(keysOf('بشرى').sort(), ['bshr', 'bwshr']); // Bushra
  assert.deepEqual(keysOf('كرار'), ['krr', 'kwrr']); // Karrar
  assert.deepEqual(keysOf('ابتهال'), ['abthl', 'ibthl']); // a bare alef: a or i
  assert.deepEqual(keysOf('نادية'), ['nd']); // Nadia
  assert.deepEqual(keysOf('إبتهال'), ['ibthl']); // Ibtihal: hamza below is an i
  assert.ok(keysOf('عوضية').includes(latinKey('Awadia')));
  assert.ok(keysOf('الطاهر').includes(latinKey('Eltahir')));
});

test('hamza seats, ة and ى are read as they sound', () => {
  assert.deepEqual(keysOf('إخلاص'), [latinKey('Ikhlas')]);
  assert.deepEqual(keysOf('نجاة'), [latinKey('Najat')]); // ـاة is "at"
  assert.deepEqual(keysOf('مؤمن'), [latinKey('Moamen')]);
  assert.deepEqual(keysOf('رائد'), [latinKey('Raed')]);
  assert.deepEqual(keysOf('عائشة'), [latinKey('Aisha')]);
  assert.deepEqual(keysOf('مصطفى'), [latinKey('Mustafa')]);
});

test('a partly typed Arabic name is a prefix of the transliteration of the full name', () => {
  for (const [latin, arabic] of [['Fatima', 'فاطمة'], ['Ibrahim', 'إبراهيم'], ['Tasneem', 'تسنيم'], ['Yousif', 'يوسف'], ['Khadija', 'خديجة']] as const) {
    const full = latinKey(latin);
    const letters = [...arabic];
    for (let n = 3; n <= letters.length; n++) {
      const groups = queryTokens(letters.slice(0, n).join(''));
      assert.ok(groups[0]!.some((k) => full.startsWith(k)), `${letters.slice(0, n).join('')} ${JSON.stringify(groups)} vs ${latin} ${full}`);
    }
  }
});
