# Telegram ボット：初期設定、設定、天文コマンド、アカウント連携、チャンネル会員チェック、管理コマンド。
# メッセージは Telegram の HTML で送信：使うのは <b>、<i>、<a> だけ。単独のアンパサンドは使わない。

bot-welcome = こんにちは、{ $name }さん！{ -brand } です。月の満ち欠け、日食・月食、春分・秋分、惑星の動きを、あなたのタイムゾーンでお知らせする星空カレンダーです。
bot-welcome-back = おかえりなさい！/next で近日の天文現象、/today で今日の空、/settings で設定の変更ができます。
bot-language-prompt = 何語でお話ししましょうか？
bot-tz-prompt = 次にタイムゾーンを設定しましょう。表示する時刻がすべてあなたの現地時刻になります。下のボタンで位置情報を送るか（あなたの場所から何が見えるかもお知らせできます）、都市名を入力するか、UTC からの時差を選んでください。
bot-tz-share-location = 📍 位置情報を送る
bot-tz-offset-button = 🕐 UTC からの時差を選ぶ
bot-tz-placeholder = 都市名を入力
bot-tz-offset-prompt = UTC からの時差を選んでください：
bot-tz-matches = 次の候補が見つかりました。都市を選んでください：
bot-tz-no-match = 「{ $query }」という都市は見つかりませんでした。近くの大きな都市名を試すか、位置情報を送るか、UTC からの時差を選んでください：
bot-tz-polar = 極の近くではすべてのタイムゾーンが集まるため、位置情報からタイムゾーンを決められません。場所は保存しました。UTC からの時差を選んでください：
bot-tz-city-set = あなたの場所：{ $place }、現在 { $time }。この都市の位置をもとに出没時刻やそこから見えるものを計算します。もっと正確にしたいときは、いつでも位置情報を送ってください。
bot-zone-city = { $city }（{ $offset }）、現在 { $time }
bot-zone-offset = { $offset }、現在 { $time }
bot-kinds-prompt = どんなお知らせを受け取りますか？タップでオン・オフを切り替えて、最後に「{ common-done }」を押してください。
bot-leads-prompt = 現象の何分前・何時間前にお知らせしますか？一つ以上選んで「{ common-done }」を押してください。
bot-lead-before = { $span }前
bot-lead-at-event = その時刻に
bot-use-buttons = 上のメッセージのボタンを使ってください。
bot-step-finished = このステップはもう完了しています。変更するには /settings を送ってください。
bot-location-cleared = 共有された位置情報を削除しました。その場所の時刻はこのオフセットと合いません。いつでも共有し直せます。
bot-onboarding-done = 設定が完了しました！/next でこれからの天文現象を見てみましょう。

bot-kind-full-moon = 満月
bot-kind-new-moon = 新月
bot-kind-quarters = 上弦・下弦の月
bot-kind-supermoon = スーパームーン
bot-kind-eclipses = 日食・月食
bot-kind-seasons = 春分・夏至・秋分・冬至
bot-kind-meteors = 流星群
bot-kind-planets = 惑星の見ごろ
bot-kind-conjunctions = 月と惑星の接近

bot-settings-language = 🌐 言語
bot-settings-timezone = 🕐 タイムゾーン
bot-settings-kinds = 🔔 お知らせ
bot-settings-leads = ⏳ 通知のタイミング

bot-summary-title = <b>現在の設定</b>
bot-summary-language = 言語：{ $language }
bot-summary-timezone = タイムゾーン：{ $zone }
bot-summary-location = 場所：{ $latitude }, { $longitude }
bot-summary-no-location = 場所：未設定
bot-latitude-north = 北緯{ $degrees }°
bot-latitude-south = 南緯{ $degrees }°
bot-longitude-east = 東経{ $degrees }°
bot-longitude-west = 西経{ $degrees }°
bot-summary-reminders = お知らせ：{ $kinds }
bot-summary-reminders-off = オフ
bot-summary-leads = 通知：{ $leads }

bot-event-line = <b>{ $title }</b>
    { $when }（{ $relative }）
bot-next-title = <b>まもなく見られる天文現象</b>
bot-no-events = この期間に天文現象はありません。
bot-month-title = <b>{ $month }の星空</b>
bot-eclipses-title = <b>今後の日食・月食</b>
bot-eclipses-share-location = 位置情報を送ると、あなたの場所から見える日食・月食がわかります。
bot-eclipse-visible = あなたの場所から見えます。
bot-eclipse-visible-between = あなたの場所から { $start } から { $end } まで見えます。
bot-eclipse-not-visible = あなたの場所からは見えません。
bot-today-title = <b>今日、{ $date }</b>
bot-today-moon = 月：{ $phase }、輝面比 { $illumination }
bot-today-sunrise = 日の出：{ $time }
bot-today-sunset = 日の入り：{ $time }
bot-today-moonrise = 月の出：{ $time }
bot-today-moonset = 月の入り：{ $time }
bot-today-none = 今日はなし
bot-today-no-location = 位置情報を送ると、あなたの場所の日の出・日の入り、月の出・月の入りが表示されます。
bot-today-events = <b>今日の天文現象</b>
bot-today-no-events = 今日は特別な天文現象はありません。
bot-moon-phase-new = 新月
bot-moon-phase-waxing-crescent = 三日月
bot-moon-phase-first-quarter = 上弦の月
bot-moon-phase-waxing-gibbous = 十三夜月
bot-moon-phase-full = 満月
bot-moon-phase-waning-gibbous = 寝待月
bot-moon-phase-last-quarter = 下弦の月
bot-moon-phase-waning-crescent = 有明月

bot-link-confirm = この Telegram アカウントをウェブアカウント <b>{ $account }</b> と連携しますか？このリンクをご自身で申請した場合のみ「{ bot-link-yes }」を押してください。
bot-link-yes = はい、連携する
bot-link-no = いいえ
bot-link-done = 完了しました。この Telegram アカウントは <b>{ $account }</b> と連携されました。
bot-link-cancelled = 連携を取り消しました。何も変更されていません。
bot-link-howto = お持ちのウェブアカウントと連携するには、{ $url } にログインして「{ page-settings }」を開き、「{ page-settings-telegram-link }」を押してください。確認用のリンクを持ってここに戻ってきます。すぐにカレンダーを開くには /calendar を使ってください。
bot-calendar-link = ウェブカレンダー専用のログインリンクです：{ $url }
    1 回だけ、15 分間有効です。他の人には教えないでください。
bot-calendar-open = カレンダーを開く
bot-calendar-mini-app = Telegram で開く

bot-gate-required =
    { $feature ->
        [calendar] ウェブカレンダーは { $channel } のメンバー限定です。
       *[reminders] 個人向けのお知らせは { $channel } のメンバー限定です。
    }チャンネルに参加してから「{ bot-gate-joined }」を押してください。
bot-gate-open-channel = チャンネルを開く
bot-gate-joined = 参加しました
bot-gate-still-not-member = まだチャンネルにあなたが見当たりません。先に参加してから、もう一度ボタンを押してください。
bot-gate-welcome = ご参加ありがとうございます！
bot-gate-reminders-on = 個人向けのお知らせをオンにしました。
bot-admin-gate-broken = { $channel } のメンバーを確認できません：{ $reason }。ボットをチャンネルの管理者にしてください。それまでは誰でもメンバー限定機能を使えます。

bot-help =
    <b>{ -brand }</b> はあなたのための星空カレンダーです。
    /next：これからの天文現象
    /today：今日の月と空
    /month：今月の天文現象
    /eclipses：今後の日食・月食
    /calendar：ウェブカレンダー
    /settings：言語、タイムゾーン、お知らせ
    /language：言語の変更
    /link：ウェブアカウントとの連携
bot-unknown-command = そのコマンドはわかりません。/help を送るとできることが表示されます。
bot-not-understood = よくわかりませんでした。/help を送るとできることが表示されます。
bot-stale-button = このボタンはもう使えません。最新のメッセージを使ってください。
bot-throttled = 少しゆっくりお願いします。すぐに追いつきます。
bot-error = 申し訳ありません、こちらで問題が発生しました。少ししてからもう一度お試しください。

bot-command-next = これからの天文現象
bot-command-today = 今日の月と空
bot-command-month = 今月の天文現象
bot-command-eclipses = 今後の日食・月食
bot-command-calendar = ウェブカレンダーを開く
bot-command-settings = 言語、タイムゾーン、お知らせ
bot-command-language = 言語を変更
bot-command-link = ウェブアカウントと連携
bot-command-help = できること
bot-command-stats = 管理者向け統計
bot-command-broadcast = ユーザーにお知らせを送信

bot-stats =
    <b>統計</b>
    ユーザー：{ $users }
    メンバー：{ $members }
    ボットをブロック：{ $blocked }
    言語：{ $languages }
    送信待ち：{ $pending }
    送信失敗：{ $failed }
bot-broadcast-usage = /broadcast の後に本文を続けて送ってください。1 つの言語だけに送る場合は /broadcast ru の後に本文を続けます。
bot-broadcast-everyone = 全員
bot-broadcast-preview = <b>プレビュー</b>：{ $audience }宛て（{ NUMBER($count) } 人）。送信しますか？
bot-broadcast-send = 送信
bot-broadcast-cancelled = お知らせの送信を取り消しました。
bot-broadcast-queued = { NUMBER($count) } 人へのお知らせを送信キューに入れました。
