import type { TranslationTree } from "./translation-tree.js";

/** Workspace members, invitations and the workspace switcher. */
export const ruMembers = {
  nav: "Участники",
  roles: { owner: "Владелец", editor: "Редактор", commenter: "Комментатор", viewer: "Читатель" },
  /** The role inside a sentence: "приглашает вас в роли …". */
  roleAs: { owner: "владельца", editor: "редактора", commenter: "комментатора", viewer: "читателя" },
  roleHints: {
    owner: "Всё, включая участников и приглашения",
    editor: "Меняет карты, персоны и данные",
    commenter: "Читает и комментирует",
    viewer: "Только читает",
  },
  switcher: {
    label: "Пространство: {{name}}",
    new: "Новое пространство",
  },
  newWorkspace: {
    title: "Новое пространство",
    name: "Название пространства",
    create: "Создать пространство",
    busy: "Создаём…",
  },
  noWorkspace: {
    title: "Вы не состоите ни в одном пространстве",
    text: "Создайте своё пространство или откройте ссылку-приглашение от коллеги.",
  },
  page: {
    title: "Участники",
    subtitle: "Кто работает в «{{workspace}}» и что каждому разрешено.",
    you: "вы",
    roleOf: "Роль: {{name}}",
    remove: "Удалить участника: {{name}}",
    confirmRemove: "{{name}} сразу потеряет доступ к картам «{{workspace}}». Удалить из пространства?",
    joined: "С нами с {{date}}",
  },
  rename: {
    label: "Название пространства",
    save: "Переименовать",
    saved: "Пространство переименовано.",
  },
  invite: {
    title: "Пригласить по ссылке",
    text: "Письмо не отправляется: скопируйте ссылку и передайте её коллеге. Она срабатывает один раз.",
    role: "Роль",
    expires: "Действует",
    days_one: "{{count}} день",
    days_few: "{{count}} дня",
    days_many: "{{count}} дней",
    days_other: "{{count}} дня",
    create: "Создать ссылку",
    busy: "Создаём…",
    link: "Ссылка-приглашение",
    shownOnce: "Скопируйте ссылку сейчас — больше она показана не будет.",
    copy: "Скопировать ссылку",
    copied: "Скопировано",
  },
  pending: {
    title: "Ожидающие приглашения",
    empty: "Ожидающих приглашений нет.",
    createdBy: "от {{name}}",
    expires: "до {{date}}",
    revoke: "Отозвать",
    revokeLabel: "Отозвать приглашение ({{role}}) от {{date}}",
  },
  leave: {
    title: "Выйти из пространства",
    text: "Доступ к его картам пропадёт, пока вас не пригласят снова.",
    button: "Выйти из пространства",
    confirm: "Выйти из «{{workspace}}»? Доступ к его картам пропадёт, пока вас не пригласят снова.",
  },
} satisfies TranslationTree;
