// Loaded by Tasklist (customScripts in app/tasklist/scripts/config.js). The form-js bundled with Camunda 7.24 has no
// translations, and its date picker (flatpickr) reads and writes dates in the browser's own locale: an English
// tablet takes 「2026/12/01」 as month 2026 of year 1 and shows 8/6/2027 without a word. This script
//  - gives every date picker a Japanese calendar and one fixed format, yyyy/mm/dd, whatever the browser's locale;
//  - reads a typed date only when it is unambiguous (2026/12/01, 2026-12-01, 2026年12月1日, 令和8年12月1日, R8.12.1,
//    full-width digits too) and a real day of the calendar; anything else is refused with a Japanese message and
//    the field left empty — never turned into another date (the steps check the date again on the server);
//  - puts form-js's own English texts (validation messages, "Search", "Select", "No results") into Japanese;
//  - lets a checklist's options wrap, so a long member line (and its ⚠) is readable on a tablet.
// Nothing else of Tasklist is changed.
(function () {
  const JA = {
    weekdays: {
      shorthand: ['日', '月', '火', '水', '木', '金', '土'],
      longhand: ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日']
    },
    months: {
      shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
      longhand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']
    },
    firstDayOfWeek: 0,
    rangeSeparator: ' から ',
    monthAriaLabel: '月',
    yearAriaLabel: '年',
    hourAriaLabel: '時',
    minuteAriaLabel: '分',
    time_24hr: true
  };

  // an era's year 1 is the Western year given + 1; its first and last day bound what a date of that era may be
  const ERAS = {
    令和: { offset: 2018, from: '2019-05-01', to: '9999-12-31' },
    平成: { offset: 1988, from: '1989-01-08', to: '2019-04-30' },
    昭和: { offset: 1925, from: '1926-12-25', to: '1989-01-07' }
  };
  const ERA_LETTERS = { R: '令和', H: '平成', S: '昭和' };

  const WESTERN = /^(\d{4})(?:[/.-](\d{1,2})[/.-](\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/;
  const JAPANESE_ERA = /^(令和|平成|昭和|[RHS])(\d{1,2}|元)(?:[/.-](\d{1,2})[/.-](\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/;

  /** The day a person typed, or null when it is not one unambiguous day of the calendar. */
  function readDate(text) {
    const s = String(text).normalize('NFKC').replace(/\s+/g, '').toUpperCase();
    let year;
    let month;
    let day;
    let era = null;
    let m = WESTERN.exec(s);
    if (m) {
      year = +m[1];
      month = +(m[2] || m[4]);
      day = +(m[3] || m[5]);
    } else if ((m = JAPANESE_ERA.exec(s))) {
      era = ERAS[ERA_LETTERS[m[1]] || m[1]];
      year = era.offset + (m[2] === '元' ? 1 : +m[2]);
      month = +(m[3] || m[5]);
      day = +(m[4] || m[6]);
    } else {
      return null;
    }
    const date = new Date(year, month - 1, day);
    if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
      return null; // 2026/2/30 is no day: never rolled over into March
    }
    const iso = year + '-' + String(month).padStart(2, '0') + '-' + String(day).padStart(2, '0');
    if (era && (iso < era.from || iso > era.to)) {
      return null; // 平成40年 is no day either
    }
    return date;
  }

  const ERROR_CLASS = 'mcs-date-error';

  function showRefusal(input, text) {
    const field = input.closest('.fjs-form-field') || input.parentElement;
    let error = field.querySelector('.' + ERROR_CLASS);
    if (!text) {
      if (error) {
        error.remove();
      }
      return;
    }
    if (!error) {
      error = document.createElement('div');
      error.className = 'fjs-form-field-error ' + ERROR_CLASS;
      error.setAttribute('role', 'alert');
      field.appendChild(error);
    }
    error.textContent = '「' + text + '」は日付として読み取れません。2026/12/01、2026-12-01、令和8年12月1日 の形で入力するか、'
        + 'カレンダーから選んでください。';
  }

  function localiseDatepicker(input) {
    const picker = input._flatpickr;
    if (!picker || input.dataset.mcsJa) {
      return;
    }
    input.dataset.mcsJa = 'true';
    // flatpickr's parser calls config.parseDate for every typed text; a null result leaves the field empty
    picker.config.parseDate = (text) => {
      const date = readDate(text);
      showRefusal(input, date ? null : String(text).trim());
      return date || undefined;
    };
    picker.set({ locale: JA, dateFormat: 'Y/m/d' });
    input.setAttribute('placeholder', 'yyyy/mm/dd');
    input.setAttribute('lang', 'ja');
  }

  const TEXTS = [
    [/^Field is required\.$/, () => '入力してください。'],
    [/^Field must have minimum length of (\d+)\.$/, (m) => m[1] + '文字以上で入力してください。'],
    [/^Field must have maximum length of (\d+)\.$/, (m) => m[1] + '文字以内で入力してください。'],
    [/^Field must have minimum value of (.+)\.$/, (m) => m[1] + '以上の値を入力してください。'],
    [/^Field must have maximum value of (.+)\.$/, (m) => m[1] + '以下の値を入力してください。'],
    [/^Field must match pattern .+\.$/, () => '入力の形式が正しくありません。'],
    [/^Field must be a valid email\.$/, () => 'メールアドレスの形式が正しくありません。'],
    [/^Field must be a valid\s+international phone number\./, () => '電話番号は国際形式（例: +81312345678）で入力してください。'],
    [/^No results$/, () => '該当するものがありません'],
    [/^Select$/, () => '選択してください'],
    [/^Search$/, () => '検索']
  ];

  function translated(text) {
    const trimmed = text.trim();
    for (const [pattern, japanese] of TEXTS) {
      const m = pattern.exec(trimmed);
      if (m) {
        return japanese(m);
      }
    }
    return null;
  }

  function translate(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const japanese = /[A-Za-z]/.test(node.data) ? translated(node.data) : null;
      if (japanese) {
        node.data = japanese;
      }
    }
    root.querySelectorAll('input[placeholder]').forEach((input) => {
      const japanese = translated(input.getAttribute('placeholder'));
      if (japanese) {
        input.setAttribute('placeholder', japanese);
      }
    });
    root.querySelectorAll('.fjs-datepicker input').forEach(localiseDatepicker);
  }

  const style = document.createElement('style');
  // Tasklist's form-js style keeps every label on one line and hides what does not fit (.fjs-container
  // .fjs-form-field-label: nowrap, overflow hidden): on a 768 px wide tablet the end of a long checklist line (the
  // review's ⚠) or of a long checkbox or field label is cut. Labels wrap instead.
  style.textContent = '.fjs-container .fjs-form .fjs-form-field-label { white-space: normal;'
      + ' overflow-wrap: break-word; overflow: visible; height: auto; }'
      + ' .fjs-form .' + ERROR_CLASS + ' { color: var(--color-text-error, #c00); }';
  document.head.appendChild(style);

  let scheduled = false;
  new MutationObserver(() => {
    if (scheduled) {
      return;
    }
    scheduled = true;
    // after form-js has rendered: its flatpickr instances exist once the element is in the page
    setTimeout(() => {
      scheduled = false;
      document.querySelectorAll('.fjs-container').forEach(translate);
    }, 0);
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}());
