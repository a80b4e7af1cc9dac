# 机器人、网页和频道帖子共用的词语和短句。

-brand = StarsCalendars

common-app-name = { -brand }
common-tagline = 星空日历，用你的语言，按你的时区
common-yes = 是
common-no = 否
common-back = 返回
common-cancel = 取消
common-close = 关闭
common-save = 保存
common-done = 完成
common-next = 下一步
common-more = 显示更多
common-settings = 设置
common-language = 语言
common-timezone = 时区
common-location = 位置
common-hemisphere = 半球
common-hemisphere-north = 北半球
common-hemisphere-south = 南半球
common-language-set = 语言已设为{ $language }。
common-timezone-set = 时区已设为{ $timezone }。
common-events-count =
    { $count ->
        [0] 暂无事件
       *[other] { $count }个事件
    }
common-week-summary =
    { $count ->
        [0] { $name }，本周天空很平静。
       *[other] { $name }，本周有{ $count }个天象事件。
    }
common-days = { NUMBER($count) }天
common-hours = { NUMBER($count) }小时
common-minutes = { NUMBER($count) }分钟
