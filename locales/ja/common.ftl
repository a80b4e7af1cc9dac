# ボット、ウェブページ、チャンネル投稿で共通して使う言葉と短い文。

-brand = StarsCalendars

common-app-name = { -brand }
common-tagline = あなたの言語とタイムゾーンで見る、星空のカレンダー
common-yes = はい
common-no = いいえ
common-back = 戻る
common-cancel = キャンセル
common-close = 閉じる
common-save = 保存
common-done = 完了
common-next = 次へ
common-more = もっと見る
common-settings = 設定
common-language = 言語
common-timezone = タイムゾーン
common-location = 場所
common-hemisphere = 半球
common-hemisphere-north = 北半球
common-hemisphere-south = 南半球
common-language-set = 言語を{ $language }に設定しました。
common-timezone-set = タイムゾーンを{ $timezone }に設定しました。
common-events-count =
    { $count ->
        [0] イベントはありません
       *[other] { $count }件のイベント
    }
common-week-summary =
    { $count ->
        [0] { $name }さん、今週は空の現象はありません。
       *[other] { $name }さん、今週は空の現象が{ $count }件あります。
    }
common-days = { NUMBER($count) }日
common-hours = { NUMBER($count) }時間
common-minutes = { NUMBER($count) }分
