import type { TranslationTree } from "./translation-tree.js";

/** Accounts: owner set-up, sign-in, the invitation landing page, the account page. */
export const ruAccount = {
  setup: {
    title: "Добро пожаловать в Tropa",
    subtitle:
      "Создайте учётную запись владельца. Демо-пространство станет вашим, а команду можно будет пригласить в разделе «Участники».",
    submit: "Создать учётную запись владельца",
    busy: "Создаём…",
  },
  signIn: {
    title: "Вход в Tropa",
    subtitle: "Карты пути клиента вашей команды, основанные на фактах.",
    submit: "Войти",
    busy: "Входим…",
    noAccount: "Ещё нет учётной записи? Попросите владельца пространства прислать ссылку-приглашение.",
    forgotPassword:
      "Забыли пароль? Tropa не отправляет писем: попросите того, кто обслуживает этот сервер, выполнить «tropa reset-password <ваш email>» и передать вам новый пароль.",
  },
  fields: {
    name: "Ваше имя",
    email: "Эл. почта",
    password: "Пароль",
    passwordHint: "Не короче {{count}} символов.",
    currentPassword: "Текущий пароль",
    newPassword: "Новый пароль",
  },
  errors: {
    invalidCredentials: "Неверная почта или пароль.",
    rateLimited: "Слишком много попыток. Подождите минуту и попробуйте снова.",
    forbidden: "У вас нет прав на это действие.",
    wrongCurrentPassword: "Это не ваш текущий пароль.",
    emailTaken: "Учётная запись с такой почтой уже есть. Войдите в неё.",
    cannotLoad: "Не удалось связаться с Tropa",
  },
  invite: {
    title: "Присоединиться к «{{workspace}}»",
    invitedBy: "{{name}} приглашает вас в роли {{role}}.",
    invited: "Вас приглашают в роли {{role}}.",
    expires: "Ссылка действует до {{date}}",
    signUp: "Создать учётную запись и войти",
    signUpBusy: "Присоединяемся…",
    haveAccount: "Уже есть учётная запись?",
    signInInstead: "Войти и присоединиться",
    newAccount: "Впервые в Tropa?",
    signUpInstead: "Создать учётную запись",
    join: "Присоединиться",
    joinBusy: "Присоединяемся…",
    signedInAs: "Вы вошли как {{name}} ({{email}}).",
    unavailableTitle: "Эта ссылка-приглашение больше не действует",
    unavailable:
      "Срок её действия истёк, ею уже воспользовались или её отозвали. Попросите пригласившего прислать новую ссылку.",
    toApp: "Перейти в Tropa",
  },
  menu: {
    label: "Учётная запись: {{name}}",
    account: "Настройки учётной записи",
    signOut: "Выйти",
  },
  page: {
    title: "Учётная запись",
    subtitle: "Имя, которое видят коллеги, пароль и сеансы входа.",
    profile: "Профиль",
    email: "Эл. почта: {{email}}",
    saveName: "Сохранить имя",
    nameSaved: "Имя сохранено.",
    password: "Пароль",
    changePassword: "Сменить пароль",
    passwordChanged: "Пароль изменён. Все остальные сеансы завершены.",
    sessions: "Сеансы",
    sessionsText:
      "Входили с чужого или потерянного устройства? Выйдите сразу во всех браузерах, включая этот.",
    signOutEverywhere: "Выйти на всех устройствах",
    confirmSignOutEverywhere: "Выйти из Tropa во всех браузерах, включая этот?",
  },
} satisfies TranslationTree;
