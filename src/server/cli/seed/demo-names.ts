// Sudanese names in both scripts for demo and benchmark data. Pairs are [Latin, Arabic].
export const MALE_NAMES: readonly (readonly [string, string])[] = [
  ['Mohamed', 'محمد'], ['Ahmed', 'أحمد'], ['Osman', 'عثمان'], ['Omer', 'عمر'], ['Ali', 'علي'],
  ['Abdelrahman', 'عبد الرحمن'], ['Abdalla', 'عبد الله'], ['Hassan', 'حسن'], ['Hussein', 'حسين'],
  ['Ibrahim', 'إبراهيم'], ['Yousif', 'يوسف'], ['Mustafa', 'مصطفى'], ['Khalid', 'خالد'], ['Elfatih', 'الفاتح'],
  ['Siddig', 'صديق'], ['Babiker', 'بابكر'], ['Abbas', 'عباس'], ['Mahmoud', 'محمود'], ['Hamza', 'حمزة'],
  ['Mubarak', 'مبارك'], ['Awad', 'عوض'], ['Elsadig', 'الصادق'], ['Tayeb', 'الطيب'], ['Bashir', 'بشير'],
  ['Adam', 'آدم'], ['Ismail', 'إسماعيل'], ['Musa', 'موسى'], ['Salih', 'صالح'], ['Gaafar', 'جعفر'],
  ['Nasr', 'نصر'], ['Kamal', 'كمال'], ['Tarig', 'طارق'], ['Yasir', 'ياسر'], ['Hisham', 'هشام'],
  ['Anwar', 'أنور'], ['Idris', 'إدريس'], ['Suleiman', 'سليمان'], ['Bakri', 'بكري'], ['Fadl', 'فضل'],
  ['Abdelaziz', 'عبد العزيز'],
];

export const FEMALE_NAMES: readonly (readonly [string, string])[] = [
  ['Fatima', 'فاطمة'], ['Amna', 'آمنة'], ['Khadija', 'خديجة'], ['Maryam', 'مريم'], ['Zainab', 'زينب'],
  ['Aisha', 'عائشة'], ['Hawa', 'حواء'], ['Nafisa', 'نفيسة'], ['Sara', 'سارة'], ['Huda', 'هدى'],
  ['Samia', 'سامية'], ['Ikhlas', 'إخلاص'], ['Rayan', 'ريان'], ['Tasneem', 'تسنيم'], ['Hiba', 'هبة'],
  ['Alawia', 'علوية'], ['Nemat', 'نعمات'], ['Sumaya', 'سمية'], ['Asma', 'أسماء'], ['Limya', 'لمياء'],
  ['Maha', 'مها'], ['Nour', 'نور'], ['Salma', 'سلمى'], ['Rasha', 'رشا'], ['Wafa', 'وفاء'],
  ['Inaam', 'إنعام'], ['Suad', 'سعاد'], ['Awatif', 'عواطف'], ['Najat', 'نجاة'], ['Thuraya', 'ثريا'],
];

/** Family names: often a grandfather's name or a clan name. */
export const FAMILY_NAMES: readonly (readonly [string, string])[] = [
  ['Elamin', 'الأمين'], ['Elmahdi', 'المهدي'], ['Osman', 'عثمان'], ['Abdelgadir', 'عبد القادر'], ['Elnour', 'النور'],
  ['Hamad', 'حمد'], ['Ibrahim', 'إبراهيم'], ['Elbashir', 'البشير'], ['Mirghani', 'الميرغني'], ['Khalifa', 'خليفة'],
  ['Suliman', 'سليمان'], ['Eltayeb', 'الطيب'], ['Hassan', 'حسن'], ['Yousif', 'يوسف'], ['Babiker', 'بابكر'],
  ['Abdelrahim', 'عبد الرحيم'], ['Elhassan', 'الحسن'], ['Musa', 'موسى'], ['Adam', 'آدم'], ['Eltom', 'التوم'],
  ['Elsheikh', 'الشيخ'], ['Idris', 'إدريس'], ['Fadul', 'فضل'], ['Hamid', 'حامد'], ['Gasim', 'قاسم'],
];
