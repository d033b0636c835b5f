"""依申请公开: requests for government information (政府信息公开条例第二十七条–第四十五条), their deadlines,
replies, and the administrative reconsideration and litigation that follow them."""
