# プラットフォーム共通のエラーコードのメッセージ。error-<コード>（「_」は「-」に置き換え）。

error-invalid-json = リクエストの本文が有効な JSON ではありません。
error-validation-failed = 一部のデータが正しくありません。確認して、もう一度お試しください。
error-invalid-timezone = このタイムゾーンは認識できません。一覧から選んでください（例：Asia/Tokyo）。
error-invalid-language = この言語には対応していません。対応している10の言語から選んでください。
error-invalid-coordinates = 座標が範囲外です。緯度は -90〜90、経度は -180〜180 の範囲で指定してください。
error-invalid-date-range = 開始日は終了日より前にしてください。
error-date-out-of-range = この日付は計算できる年の範囲外です。今日に近い日付を選んでください。
error-range-too-large = 期間が長すぎます。もっと短い期間を選んでください。
error-unknown-event-kind = このイベントの種類はわかりません。
error-not-found = お探しのものが見つかりませんでした。
error-unauthorized = 続けるにはログインしてください。
error-token-expired = このリンクは有効期限が切れています。新しいリンクをリクエストしてください。
error-token-invalid = このリンクは無効です。新しいリンクをリクエストしてください。
error-token-used = このリンクはすでに使用されています。新しいリンクをリクエストしてください。
error-forbidden = アクセスする権限がありません。
error-subscription-required = 先に { $channel } を購読してから、もう一度お試しください。
error-rate-limited = リクエストが多すぎます。{ $seconds }秒後にもう一度お試しください。
error-body-too-large = リクエストのサイズが大きすぎます。
error-internal-error = こちら側で問題が発生しました。少し時間をおいて、もう一度お試しください。
error-invalid-credentials = メールアドレスまたはパスワードが正しくありません。
error-email-taken = このメールアドレスのアカウントはすでに存在します。
error-weak-password = このパスワードは推測されやすいです。もっと長いパスワードを設定してください。
error-account-already-linked = このアカウントはすでに別の Telegram アカウントと連携しています。
error-method-not-allowed = ここではこの操作はできません。
