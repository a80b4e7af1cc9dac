# Telegram 机器人：入门设置、设置、天象命令、账号关联、频道会员检查和管理命令。
# 消息以 Telegram HTML 发送：只用 <b>、<i> 和 <a>，不要出现单独的和号。

bot-welcome = 你好，{ $name }！我是 { -brand }，你的天象日历：月相、日月食、二分二至和行星动态，全部按你的时区显示。
bot-welcome-back = 欢迎回来！发送 /next 查看即将到来的天象，/today 查看今天的天空，/settings 修改任何设置。
bot-language-prompt = 你希望我用哪种语言和你交流？
bot-tz-prompt = 接下来设置时区，这样我显示的每个时间都是你的当地时间。你可以用下面的按钮分享位置（这样我还能告诉你在当地能看到什么），也可以输入城市名称，或者选择与 UTC 的时差。
bot-tz-share-location = 📍 分享我的位置
bot-tz-offset-button = 🕐 选择 UTC 时差
bot-tz-placeholder = 输入你的城市
bot-tz-offset-prompt = 请选择你与 UTC 的时差：
bot-tz-matches = 我找到了这些，请选择你的城市：
bot-tz-no-match = 没有找到名为“{ $query }”的城市。试试附近的大城市、分享位置，或者选择 UTC 时差：
bot-tz-polar = 在极点附近，所有时区都汇聚在一起，所以无法根据位置判断你的时区。位置已经保存，请选择你与 UTC 的时差：
bot-tz-city-set = 你的位置：{ $place }，现在 { $time }。我会按这座城市的位置计算升起和落下的时间以及当地能看到什么；想更精确的话，随时可以发送你的位置。
bot-zone-city = { $city }（{ $offset }），当前时间 { $time }
bot-zone-offset = { $offset }，当前时间 { $time }
bot-kinds-prompt = 你想收到哪些提醒？点击即可开启或关闭，选好后点“{ common-done }”。
bot-leads-prompt = 希望提前多久提醒你？可以选择一个或多个，然后点“{ common-done }”。
bot-lead-before = 提前{ $span }
bot-lead-at-event = 事件发生时
bot-use-buttons = 请使用上面消息中的按钮。
bot-step-finished = 这一步已经完成了。发送 /settings 可以修改任何设置。
bot-location-cleared = 我已删除你分享的位置：那里的时间与这个时差不一致。你可以随时重新分享。
bot-onboarding-done = 全部设置好了！发送 /next 看看接下来有什么天象。

bot-kind-full-moon = 满月
bot-kind-new-moon = 新月
bot-kind-quarters = 上弦月和下弦月
bot-kind-supermoon = 超级月亮
bot-kind-eclipses = 日食和月食
bot-kind-seasons = 春分、夏至、秋分、冬至
bot-kind-meteors = 流星雨
bot-kind-planets = 行星最佳观测期
bot-kind-conjunctions = 月亮与行星相伴

bot-settings-language = 🌐 语言
bot-settings-timezone = 🕐 时区
bot-settings-kinds = 🔔 提醒
bot-settings-leads = ⏳ 提前时间

bot-summary-title = <b>你的设置</b>
bot-summary-language = 语言：{ $language }
bot-summary-timezone = 时区：{ $zone }
bot-summary-location = 位置：{ $latitude }, { $longitude }
bot-summary-no-location = 位置：未分享
bot-latitude-north = 北纬{ $degrees }°
bot-latitude-south = 南纬{ $degrees }°
bot-longitude-east = 东经{ $degrees }°
bot-longitude-west = 西经{ $degrees }°
bot-summary-reminders = 提醒：{ $kinds }
bot-summary-reminders-off = 已关闭
bot-summary-leads = 提醒时间：{ $leads }

bot-event-line = <b>{ $title }</b>
    { $when }（{ $relative }）
bot-next-title = <b>即将到来的天象</b>
bot-no-events = 这段时间没有天象事件。
bot-month-title = <b>{ $month }的天空</b>
bot-eclipses-title = <b>即将发生的日月食</b>
bot-eclipses-share-location = 分享你的位置，就能知道哪些日月食在你那里看得到。
bot-eclipse-visible = 在你所在地可见。
bot-eclipse-visible-between = 在你所在地可见，时间为 { $start } 至 { $end }。
bot-eclipse-not-visible = 在你所在地不可见。
bot-today-title = <b>今天，{ $date }</b>
bot-today-moon = 月亮：{ $phase }，照亮 { $illumination }
bot-today-sunrise = 日出：{ $time }
bot-today-sunset = 日落：{ $time }
bot-today-moonrise = 月出：{ $time }
bot-today-moonset = 月落：{ $time }
bot-today-none = 今天没有
bot-today-no-location = 分享你的位置，就能看到当地的日出日落和月出月落时间。
bot-today-events = <b>今天的天象</b>
bot-today-no-events = 今天没有特别的天象。
bot-moon-phase-new = 新月
bot-moon-phase-waxing-crescent = 娥眉月
bot-moon-phase-first-quarter = 上弦月
bot-moon-phase-waxing-gibbous = 盈凸月
bot-moon-phase-full = 满月
bot-moon-phase-waning-gibbous = 亏凸月
bot-moon-phase-last-quarter = 下弦月
bot-moon-phase-waning-crescent = 残月

bot-link-confirm = 要将这个 Telegram 账号关联到网页账号 <b>{ $account }</b> 吗？只有当这个链接是你自己申请的时候才点“{ bot-link-yes }”。
bot-link-yes = 是，关联
bot-link-no = 不用了
bot-link-done = 完成：这个 Telegram 账号已关联到 <b>{ $account }</b>。
bot-link-cancelled = 已取消关联，没有做任何更改。
bot-link-howto = 要关联已有的网页账号，请登录 { $url }，打开“{ page-settings }”，点“{ page-settings-telegram-link }”。你会带着一个确认链接回到这里。想马上打开日历，请发送 /calendar。
bot-calendar-link = 你的网页日历专属登录链接：{ $url }
    只能使用一次，15 分钟内有效。请不要分享给别人。
bot-calendar-open = 打开日历
bot-calendar-mini-app = 在 Telegram 中打开

bot-gate-required =
    { $feature ->
        [calendar] 网页日历仅对 { $channel } 的成员开放。
       *[reminders] 个人提醒仅对 { $channel } 的成员开放。
    }请先加入频道，然后点“{ bot-gate-joined }”。
bot-gate-open-channel = 打开频道
bot-gate-joined = 我已加入
bot-gate-still-not-member = 我还没在频道里看到你。请先加入，然后再点一次按钮。
bot-gate-welcome = 感谢加入！
bot-gate-reminders-on = 你的个人提醒已开启。
bot-admin-gate-broken = 我无法检查 { $channel } 的成员身份：{ $reason }。请把我设为频道管理员。在此之前，所有人都可以使用会员功能。

bot-help =
    <b>{ -brand }</b> 为你记录天空的日历。
    /next：接下来的天象
    /today：今天的月亮和天空
    /month：本月的天象
    /eclipses：即将发生的日月食
    /calendar：网页日历
    /settings：语言、时区和提醒
    /language：更换语言
    /link：关联网页账号
bot-unknown-command = 我不认识这个命令。发送 /help 看看我能做什么。
bot-not-understood = 我没听懂。发送 /help 看看我能做什么。
bot-stale-button = 这个按钮已经失效了，请使用最新的消息。
bot-throttled = 请慢一点，我马上就跟上。
bot-error = 抱歉，我这边出了点问题。请稍后再试。

bot-command-next = 接下来的天象
bot-command-today = 今天的月亮和天空
bot-command-month = 本月的天象
bot-command-eclipses = 即将发生的日月食
bot-command-calendar = 打开网页日历
bot-command-settings = 语言、时区和提醒
bot-command-language = 更换语言
bot-command-link = 关联网页账号
bot-command-help = 我能做什么
bot-command-stats = 管理员统计
bot-command-broadcast = 向用户发送公告

bot-stats =
    <b>统计</b>
    用户：{ $users }
    会员：{ $members }
    屏蔽了机器人：{ $blocked }
    语言：{ $languages }
    待发送：{ $pending }
    发送失败：{ $failed }
bot-broadcast-usage = 发送 /broadcast 加上正文；只发给一种语言的用户时，发送 /broadcast ru 加上正文。
bot-broadcast-everyone = 所有人
bot-broadcast-preview = <b>预览</b>：发给{ $audience }（{ NUMBER($count) } 位收件人）。确定发送吗？
bot-broadcast-send = 发送
bot-broadcast-cancelled = 公告已取消。
bot-broadcast-queued = 公告已加入发送队列，共 { NUMBER($count) } 位收件人。
